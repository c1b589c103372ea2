import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../../src-core/format/frameworkFile';
import { describeProblem } from '../../../src-core/format/schemaErrors';
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
    // and where in words: the record by its number, learner and date, the field by name
    expect(!r.ok && r.error.message).toBe('The file does not match the progress file format: record 1 (learner "s1", Jan 10): date must be a date written YYYY-MM-DD (/records/0/date).');
    const missing = loadProgressText(serializeProgress(sample()).replace('"competencyId": "c1",', ''));
    expect(!missing.ok && missing.error.details!.map((d) => describeProblem(d, { pointer: false }))).toEqual(['record 1 (learner "s1", 2026-01-10): missing required property "competencyId"']);
  });

  it('refuses duplicate learners, records of unlisted learners and impossible dates', () => {
    const p = sample();
    p.learners.push({ id: 's1', name: 'Again' });
    p.records.push({ ...p.records[0]!, learnerId: 'ghost', date: '2026-13-01' });
    const r = loadProgressText(serializeProgress(p));
    expect(!r.ok && r.error.details!.map((d) => d.path)).toEqual(['/learners/1/id', '/records/1/learnerId', '/records/1/date']);
    expect(!r.ok && r.error.details!.map((d) => describeProblem(d, { pointer: false }))).toEqual([
      'learner 2 ("s1"): id "s1" is also the id of learner 1; learner ids must be unique',
      `record 2 (learner "ghost", 2026-13-01): learner "ghost" is not one of the file's learners`,
      'record 2 (learner "ghost", 2026-13-01): date "2026-13-01" is not a real calendar date',
    ]);
    expect(!r.ok && r.error.message).toBe(
      'The file does not match the progress file format (3 problems). The first: learner 2 ("s1"): id "s1" is also the id of learner 1; learner ids must be unique (/learners/1/id).',
    );
  });

  it('refuses a newer format version and a framework file, saying why', () => {
    const newer = loadProgressText(serializeProgress(sample()).replace('"formatVersion": 1', '"formatVersion": 2'));
    expect(!newer.ok && newer.error.code).toBe('too-new');
    const other = loadProgressText('{"format":"progressions.framework","formatVersion":1}');
    expect(!other.ok && other.error.message).toMatch(/^This is a Progressions framework file, not a progress file: open it with Open…/);
    const unknown = loadProgressText('{"format":"something.else"}');
    expect(!unknown.ok && unknown.error.message).toMatch(/not a Progressions progress file: "format" is "something.else"/);
    // a CASE package picked here by mistake is named, with where it goes
    const pkg = loadProgressText('{"CFDocument":{"identifier":"x"},"CFItems":[]}');
    expect(!pkg.ok && pkg.error.message).toMatch(/^This is a CASE package \(standards\), not a progress file\. Import it with Import ▸ CASE package/);
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
