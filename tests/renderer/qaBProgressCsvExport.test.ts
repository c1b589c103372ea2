import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import type { CompetencyId, PhaseId } from '../../src-core/model/ids';
import { importProgressCsv, progressToCsv } from '../../src-core/progress/csv';
import { classSummaryCsv, progressCsvExport, progressTemplateCsv } from '../../src-core/progress/csvExports';
import { loadProgressFromText, recordPhase } from '../../src-renderer/src/features/learners/actions';
import { createLearnersStore, initialLearnersState } from '../../src-renderer/src/features/learners/learnersStore';

const root = join(import.meta.dirname, '../..');
const loaded = loadFrameworkText(readFileSync(join(root, 'tests/fixtures/progress/fractions-mini.json'), 'utf8'));
if (!loaded.ok) throw new Error(loaded.error.message);
const fw = loaded.value.framework;

describe('what the Learners panel exports imports back', () => {
  it('Export CSV of progress holding a record of a competency this framework does not have still imports back, that record left out and counted', () => {
    const store = createLearnersStore(initialLearnersState(new Date('2026-02-01T00:00:00Z')));
    expect(loadProgressFromText(fw, readFileSync(join(root, 'tests/fixtures/progress/fractions-mini.csv'), 'utf8'), 'class.csv', store)).toBe(true);
    const p = store.getSnapshot().progress!;
    const foreign = { ...p, records: [...p.records, { learnerId: 'ana', competencyId: 'gone-0000' as CompetencyId, phaseId: fw.phases[0]!.id as PhaseId, date: '2026-01-30', evidence: '' }] };
    // as it was: the whole exported file is refused on import
    expect(importProgressCsv(progressToCsv(foreign, fw), fw).ok).toBe(false);
    const out = progressCsvExport(foreign, fw);
    expect(out.leftOut).toBe(1);
    const back = importProgressCsv(out.content, fw);
    expect(back.ok && back.value.progress.records.length).toBe(p.records.length);
  });

  it('the CSV template imports as it is', () => {
    const r = importProgressCsv(progressTemplateCsv(fw, '2026-11-26'), fw);
    expect(r.ok && r.value.progress.records.map((x) => x.date)).toEqual(['2026-11-26', '2026-11-26']);
  });
});

describe('the class summary as a spreadsheet', () => {
  it('has a row per competency with how many and who (by name) are ready, in progress, mastered and blocked', async () => {
    const { parseCsv } = await import('../../src-core/csv/papa');
    const store = createLearnersStore(initialLearnersState(new Date('2026-02-01T00:00:00Z')));
    const csv = 'learner,name,competency,phase,date\nana,Ana Lopez,G.1,Proficient,2026-01-12\nben,=Ben,G.1,Developing,2026-01-12\n';
    expect(loadProgressFromText(fw, csv, 'class.csv', store)).toBe(true);
    const rows = parseCsv(classSummaryCsv(fw, store.getSnapshot().progress!).replace(/^\ufeff/, '')).rows;
    expect(rows[0]).toEqual(['competency', 'statement', 'ready', 'ready: who', 'in progress', 'in progress: who', 'mastered', 'mastered: who', 'blocked']);
    const g1 = rows.find((r) => r[0] === 'G.1')!;
    expect([g1[4], g1[5], g1[6], g1[7]]).toEqual(['1', "'=Ben", '1', 'Ana Lopez']);
    expect(rows.length - 1).toBe(Object.keys(fw.competencies).length);
  });
});

describe('recording progress by hand', () => {
  it('says what was recorded, for whom, and Undo takes a record given to the wrong student back', () => {
    const store = createLearnersStore(initialLearnersState(new Date('2026-02-01T00:00:00Z')));
    expect(loadProgressFromText(fw, readFileSync(join(root, 'tests/fixtures/progress/fractions-mini.csv'), 'utf8'), 'class.csv', store)).toBe(true);
    const before = store.getSnapshot().progress!.records.length;
    const nf2 = Object.values(fw.competencies).find((c) => c.code === 'NF.2')!;
    const threshold = fw.phases.find((p) => p.threshold)!;
    recordPhase({ learnerId: 'ben', competencyId: nf2.id, phaseId: threshold.id, date: '2026-02-01', evidence: '' }, store, fw);
    const m = store.getSnapshot().message!;
    expect(m.text).toBe(`Recorded NF.2 at ${threshold.label} for ben (2026-02-01).`);
    expect(store.getSnapshot().progress!.records.length).toBe(before + 1);
    m.action!.run();
    expect(store.getSnapshot().progress!.records.length).toBe(before);
    expect(store.getSnapshot().message!.text).toBe(`Took back NF.2 at ${threshold.label} for ben (2026-02-01).`);
    m.action!.run(); // a second press changes nothing
    expect(store.getSnapshot().progress!.records.length).toBe(before);
  });
});

describe('adding a learner by hand', () => {
  it('typing the name of a learner already in the class shows them instead of adding a second one', async () => {
    const { startProgress } = await import('../../src-renderer/src/features/learners/actions');
    const store = createLearnersStore(initialLearnersState(new Date('2026-02-01T00:00:00Z')));
    expect(loadProgressFromText(fw, 'learner,name,competency,phase,date\nmaya,Maya R.,G.1,Proficient,2026-01-12\n', 'class.csv', store)).toBe(true);
    startProgress(fw, 'maya r.', store);
    expect(store.getSnapshot().progress!.learners.map((l) => l.id)).toEqual(['maya']);
    expect(store.getSnapshot().learnerId).toBe('maya');
    expect(store.getSnapshot().message!.text).toBe('Maya R. is already in the class (id maya): showing their progress.');
    startProgress(fw, 'Leo', store);
    expect(store.getSnapshot().progress!.learners.map((l) => l.id)).toEqual(['maya', 'Leo']);
  });
});
