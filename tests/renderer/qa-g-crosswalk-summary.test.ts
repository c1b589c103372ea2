import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { crosswalk, crosswalkSummary, type CrosswalkRow } from '../../src-renderer/src/panels/coverage/coverageModel';

const root = join(import.meta.dirname, '../..');

// QA (district lead): the crosswalk said "1 competencies aligned to either set".
describe('crosswalk summary', () => {
  const std = { id: 's', code: 'X', statement: 'x' } as unknown as CrosswalkRow['a'][number];
  it('says "1 competency", not "1 competencies"', () => {
    expect(crosswalkSummary([{ competencyId: 'c', a: [std], b: [] }])).toBe('1 competency aligned to either set; 1 aligned to the old set only.');
    expect(crosswalkSummary([])).toBe('0 competencies aligned to either set; 0 aligned to the old set only.');
  });
  it('counts the example framework as the panel shows it', () => {
    const r = loadFrameworkText(readFileSync(join(root, 'resources/examples/grade3-5-fractions.json'), 'utf8'));
    if (!r.ok) throw new Error(r.error.message);
    const fw = r.value.framework;
    const [a, b] = Object.values(fw.standardsSets);
    const rows = crosswalk(fw, a!, b!);
    const onlyA = rows.filter((x) => x.a.length && !x.b.length).length;
    expect(crosswalkSummary(rows)).toBe(`${rows.length} competencies aligned to either set; ${onlyA} aligned to the old set only.`);
    expect(rows.length).toBe(36);
    expect(onlyA).toBe(33);
  });
});
