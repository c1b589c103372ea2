import { describe, expect, it } from 'vitest';
import { exportCase } from '../../src-core/case/export';
import { importCaseFramework } from '../../src-core/case/import';
import { sampleFramework } from './case/sampleFramework';

// A mastery scale read from a foreign package's CFRubric levels must run low → high. CASE's `score` is the
// level's value (higher = better); `position` is only where the level is listed, and rubrics are often
// listed best first ("4 Advanced, 3 Proficient, 2 Developing, 1 Beginning"). Before, levels were ordered
// by position alone: such a rubric came in as the scale Advanced → Beginning, with "Developing" taken as
// the mastery threshold and every descriptor on the wrong phase.

const T = '2024-05-01T10:00:00Z';
const DOC = 'b2000000-0000-4000-8000-000000000000';
const C1 = 'b2000000-0000-4000-8000-000000000001';
const uri = (k: string, id: string) => `https://case.example.org/ims/case/v1p0/${k}/${id}`;
const id = (n: number) => `b2000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A 1.0 package with one competency and one rubric whose levels are given as [quality, score, position, description]. */
function pkg(levels: [string, number | undefined, number | undefined, string][]) {
  return {
    CFDocument: { identifier: DOC, uri: uri('CFDocuments', DOC), creator: 'State', title: 'Writing', lastChangeDateTime: T },
    CFItems: [{ identifier: C1, uri: uri('CFItems', C1), fullStatement: 'Write an argument.', humanCodingScheme: 'W.1', lastChangeDateTime: T }],
    CFAssociations: [],
    CFRubrics: [
      {
        identifier: id(100),
        uri: uri('CFRubrics', id(100)),
        title: 'Argument writing',
        lastChangeDateTime: T,
        CFRubricCriteria: [
          {
            identifier: id(200),
            uri: uri('CFRubricCriteria', id(200)),
            CFItemURI: { title: 'W.1', identifier: C1, uri: uri('CFItems', C1) },
            lastChangeDateTime: T,
            CFRubricCriterionLevels: levels.map(([quality, score, position, description], i) => ({
              identifier: id(300 + i),
              uri: uri('CFRubricCriterionLevels', id(300 + i)),
              quality,
              description,
              ...(score !== undefined ? { score } : {}),
              ...(position !== undefined ? { position } : {}),
              lastChangeDateTime: T,
            })),
          },
        ],
      },
    ],
  };
}

function scaleOf(value: unknown) {
  const r = importCaseFramework(value);
  if (!r.ok) throw new Error(r.error.message);
  const fw = r.value.framework;
  const comp = Object.values(fw.competencies)[0]!;
  return {
    labels: fw.phases.map((p) => p.label),
    threshold: fw.phases.find((p) => p.threshold)?.label,
    descriptors: fw.phases.map((p) => comp.phases[p.id]?.descriptor ?? ''),
    notes: r.value.notes,
  };
}

describe('mastery scale from a foreign CFRubric', () => {
  it('levels listed best first (position 1 = score 4) give the scale low → high, the threshold second from the top', () => {
    const s = scaleOf(
      pkg([
        ['Advanced', 4, 1, 'Extends the argument.'],
        ['Proficient', 3, 2, 'Supports a claim with evidence.'],
        ['Developing', 2, 3, 'States a claim.'],
        ['Beginning', 1, 4, 'Gives an opinion.'],
      ]),
    );
    expect(s.labels).toEqual(['Beginning', 'Developing', 'Proficient', 'Advanced']);
    expect(s.threshold).toBe('Proficient');
    expect(s.descriptors).toEqual(['Gives an opinion.', 'States a claim.', 'Supports a claim with evidence.', 'Extends the argument.']);
  });

  it('scores without positions, in any order, also give the scale low → high', () => {
    const s = scaleOf(
      pkg([
        ['Meets', 3, undefined, 'c'],
        ['Exceeds', 4, undefined, 'd'],
        ['Beginning', 1, undefined, 'a'],
        ['Approaching', 2, undefined, 'b'],
      ]),
    );
    expect(s.labels).toEqual(['Beginning', 'Approaching', 'Meets', 'Exceeds']);
    expect(s.descriptors).toEqual(['a', 'b', 'c', 'd']);
  });

  it('without usable scores (missing or repeated) the position decides, as before', () => {
    const s = scaleOf(
      pkg([
        ['Second', undefined, 2, 'b'],
        ['First', undefined, 1, 'a'],
        ['Third', 0, 3, 'c'],
      ]),
    );
    expect(s.labels).toEqual(['First', 'Second', 'Third']);
    const t = scaleOf(
      pkg([
        ['B', 1, 2, 'b'],
        ['A', 1, 1, 'a'],
      ]),
    );
    expect(t.labels).toEqual(['A', 'B']);
  });

  it('our own 1.0 export (score = position = rank) still restores its scale and descriptors', () => {
    const fw = sampleFramework();
    const back = importCaseFramework(JSON.parse(JSON.stringify(exportCase(fw, { version: '1.0' }))));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.framework.phases.map((p) => p.label)).toEqual(fw.phases.map((p) => p.label));
  });
});
