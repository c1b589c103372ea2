import { describe, expect, it } from 'vitest';
import { classSummary, learnerStatus } from '../../../src-core/progress/mastery';
import type { Progress, ProgressRecord } from '../../../src-core/progress/types';
import { codes, idOf, makeFramework, phaseId } from './helpers';

const fw = makeFramework([
  { code: 'A', domain: 'N' },
  { code: 'B', domain: 'N', after: ['A'] },
  { code: 'C', domain: 'N', after: ['A', 'B'] },
  { code: 'D', domain: 'G' },
  { code: 'E', domain: 'G', after: ['D'] },
]);

function progress(rows: [learner: string, code: string, phase: string, date: string][]): Progress {
  const records: ProgressRecord[] = rows.map(([learnerId, code, phase, date]) => ({
    learnerId,
    competencyId: idOf(fw, code),
    phaseId: phaseId(fw, phase),
    date,
    evidence: '',
  }));
  const learners = [...new Set(rows.map((r) => r[0]))].map((id) => ({ id, name: id }));
  return { frameworkId: fw.id, frameworkTitle: fw.title, learners, records };
}

describe('learnerStatus', () => {
  it('lists mastered, ready next and blocked with the missing direct prerequisites', () => {
    const p = progress([
      ['s1', 'A', 'Proficient', '2026-01-10'],
      ['s1', 'B', 'Developing', '2026-01-12'],
      ['s1', 'D', 'Beginning', '2026-01-12'],
    ]);
    const s = learnerStatus(fw, p, 's1');
    expect(codes(fw, s.mastered)).toEqual(['A']);
    expect(codes(fw, s.ready)).toEqual(['B', 'D']);
    expect(s.blocked.map((b) => [fw.competencies[b.id]!.code, codes(fw, b.missing)])).toEqual([
      ['C', ['B']],
      ['E', ['D']],
    ]);
    expect(codes(fw, s.inProgress)).toEqual(['B', 'D']);
    expect(s.state[idOf(fw, 'C')]).toBe('blocked');
  });

  it('counts phases above the threshold as mastered', () => {
    const s = learnerStatus(fw, progress([['s1', 'D', 'Advanced', '2026-01-10']]), 's1');
    expect(codes(fw, s.mastered)).toEqual(['D']);
    expect(codes(fw, s.ready)).toContain('E');
  });

  it('makes every competency without prerequisites ready for a learner with no records', () => {
    const s = learnerStatus(fw, progress([]), 'new-student');
    expect(s.mastered).toEqual([]);
    expect(codes(fw, s.ready)).toEqual(['A', 'D']);
    expect(s.blocked.find((b) => b.id === idOf(fw, 'C'))!.missing).toEqual([idOf(fw, 'A'), idOf(fw, 'B')]);
  });

  it('uses the latest record by date, whatever the order of the rows', () => {
    const s = learnerStatus(
      fw,
      progress([
        ['s1', 'A', 'Developing', '2026-03-01'],
        ['s1', 'A', 'Proficient', '2026-02-01'],
      ]),
      's1',
    );
    expect(s.mastered).toEqual([]);
    expect(s.current[idOf(fw, 'A')]!.date).toBe('2026-03-01');
  });

  it('lets the later row win when two records have the same date', () => {
    const p = progress([
      ['s1', 'A', 'Developing', '2026-03-01'],
      ['s1', 'A', 'Proficient', '2026-03-01'],
    ]);
    expect(codes(fw, learnerStatus(fw, p, 's1').mastered)).toEqual(['A']);
  });

  it('keeps learners apart', () => {
    const p = progress([
      ['s1', 'A', 'Proficient', '2026-01-10'],
      ['s2', 'D', 'Proficient', '2026-01-10'],
    ]);
    expect(codes(fw, learnerStatus(fw, p, 's2').mastered)).toEqual(['D']);
  });

  it('never makes competencies on a prerequisite cycle ready, and terminates', () => {
    const cyc = makeFramework([{ code: 'X', after: ['Y'] }, { code: 'Y', after: ['X'] }, { code: 'Z' }]);
    const s = learnerStatus(cyc, { records: [] }, 's1');
    expect(codes(cyc, s.ready)).toEqual(['Z']);
    expect(s.blocked.map((b) => cyc.competencies[b.id]!.code)).toEqual(['X', 'Y']);
  });

  it('ignores records of competencies the framework no longer has', () => {
    const p = progress([['s1', 'A', 'Proficient', '2026-01-10']]);
    p.records.push({ learnerId: 's1', competencyId: 'gone' as never, phaseId: phaseId(fw, 'Proficient'), date: '2026-01-11', evidence: '' });
    const s = learnerStatus(fw, p, 's1');
    expect(codes(fw, s.mastered)).toEqual(['A']);
    expect(Object.keys(s.current)).toEqual([idOf(fw, 'A')]);
  });
});

describe('classSummary', () => {
  it('partitions the class per competency into mastered, in progress, ready and blocked', () => {
    const p = progress([
      ['s1', 'A', 'Proficient', '2026-01-10'],
      ['s2', 'A', 'Developing', '2026-01-10'],
      ['s3', 'D', 'Proficient', '2026-01-10'],
    ]);
    const rows = classSummary(fw, p);
    const a = rows.find((r) => r.competencyId === idOf(fw, 'A'))!;
    expect(a).toMatchObject({ mastered: ['s1'], inProgress: ['s2'], ready: ['s3'], blocked: [] });
    const b = rows.find((r) => r.competencyId === idOf(fw, 'B'))!;
    expect(b).toMatchObject({ mastered: [], inProgress: [], ready: ['s1'], blocked: ['s2', 's3'] });
    for (const r of rows) expect(r.mastered.length + r.inProgress.length + r.ready.length + r.blocked.length).toBe(3);
  });
});
