import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../../src-core/format/frameworkFile';
import { checkProgress } from '../../../src-core/progress/checkProgress';
import { learnerStatus } from '../../../src-core/progress/mastery';
import { loadProgressText, serializeProgress } from '../../../src-core/progress/progressFile';
import type { Progress } from '../../../src-core/progress/types';

const sample = (): Progress => ({
  frameworkId: 'fw-1',
  frameworkTitle: 'Fractions',
  learners: [{ id: 's1', name: 'Ana' }],
  records: [{ learnerId: 's1', competencyId: 'c1' as never, phaseId: 'p1' as never, date: '2026-01-10', evidence: 'exit ticket' }],
});

describe('progress file', () => {
  it('round-trips through its text with the progress envelope', () => {
    const text = serializeProgress(sample());
    expect(JSON.parse(text)).toMatchObject({ format: 'progressions.progress', formatVersion: 1, frameworkId: 'fw-1' });
    expect(loadProgressText(text)).toEqual({ ok: true, value: sample() });
  });

  it('reports schema problems with JSON pointers', () => {
    const r = loadProgressText(serializeProgress(sample()).replace('"2026-01-10"', '"Jan 10"'));
    expect(!r.ok && [r.error.code, r.error.path]).toEqual(['schema', '/records/0/date']);
  });

  it('refuses duplicate learners, records of unlisted learners and impossible dates', () => {
    const p = sample();
    p.learners.push({ id: 's1', name: 'Again' });
    p.records.push({ ...p.records[0]!, learnerId: 'ghost', date: '2026-13-01' });
    const r = loadProgressText(serializeProgress(p));
    expect(!r.ok && r.error.details!.map((d) => d.path)).toEqual(['/learners/1/id', '/records/1/learnerId', '/records/1/date']);
    expect(!r.ok && r.error.message).toMatch(/^The file does not match the progress format at \/learners\/1\/id: learner id "s1" is listed twice \(and 2 more problems\)\.$/);
  });

  it('refuses a newer format version and a framework file, saying why', () => {
    const newer = loadProgressText(serializeProgress(sample()).replace('"formatVersion": 1', '"formatVersion": 2'));
    expect(!newer.ok && newer.error.code).toBe('too-new');
    const other = loadProgressText('{"format":"progressions.framework","formatVersion":1}');
    expect(!other.ok && other.error.message).toMatch(/not a Progressions progress file/);
    const broken = loadProgressText('{"format": ');
    expect(!broken.ok && broken.error.code).toBe('not-json');
  });
});

describe('released progress file versions', () => {
  const fixtures = join(import.meta.dirname, '../../fixtures/progress');
  it('version 1 (tests/fixtures/progress/progress-v1.json) loads and fits its framework', () => {
    const r = loadProgressText(readFileSync(join(fixtures, 'progress-v1.json'), 'utf8'));
    if (!r.ok) throw new Error(r.error.message);
    const fw = loadFrameworkText(readFileSync(join(fixtures, 'fractions-mini.json'), 'utf8'));
    if (!fw.ok) throw new Error(fw.error.message);
    expect(checkProgress(fw.value.framework, r.value)).toEqual([]);
    const codes = (ids: string[]) => ids.map((id) => fw.value.framework.competencies[id]!.code);
    expect(codes(learnerStatus(fw.value.framework, r.value, 'ana').mastered)).toEqual(['NF.1', 'G.1']);
    expect(codes(learnerStatus(fw.value.framework, r.value, 'ben').ready)).toEqual(['G.1']);
  });

  it('checkProgress reports records of competencies and phases the framework does not have', () => {
    const fw = loadFrameworkText(readFileSync(join(fixtures, 'fractions-mini.json'), 'utf8'));
    if (!fw.ok) throw new Error(fw.error.message);
    const p = sample();
    expect(checkProgress(fw.value.framework, p).map((d) => d.code)).toEqual(['progress-other-framework', 'progress-unknown-competency']);
  });
});
