import fc from 'fast-check';
import { freeze, produce } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  addAlignment,
  addCompetency,
  addDomain,
  addIndicator,
  addPhase,
  addStandardsSet,
  applyCommand,
  deleteCompetencies,
  linkPrerequisite,
  moveCompetencies,
  moveDomain,
  movePhase,
  reconnectPrerequisite,
  removeAlignments,
  removeDomain,
  removePhase,
  removeStandardsSet,
  setAlignmentKind,
  setPhaseDescriptor,
  setPinned,
  setThresholdPhase,
  unlinkPrerequisites,
  updateCompetency,
  updateDomain,
  updateFrameworkMeta,
  updatePhase,
  updatePrerequisiteNote,
  type Command,
} from '../../../src-core/commands';
import type { AlignmentId, CompetencyId, DomainId, IndicatorId, LinkId, PhaseId, StandardId, StandardsSetId } from '../../../src-core/model/ids';
import type { Framework, StandardsSet } from '../../../src-core/model/types';
import { diffFrameworks, diffFrameworksFrom, type DiffOptions } from '../../../src-core/progress/diff';
import { makeFramework } from './helpers';

// The Compare tab diffs the open framework against another version after every edit: diffFrameworksFrom
// takes over what the last diff found for the objects an edit left alone. Whatever the edits (and undo /
// redo, which hands back an earlier document), it must say exactly what a diff from scratch says.

const C = (i: number) => `c${i}` as CompetencyId;
const L = (i: number) => `l${i}` as LinkId;
const A = (i: number) => `al${i}` as AlignmentId;
const D = (i: number) => `d${i}` as DomainId;
const S = (i: number) => `set${i}` as StandardsSetId;
const P = (i: number) => `p${i}` as PhaseId;

function standardsSet(i: number, title: string, n: number): StandardsSet {
  const items: StandardsSet['items'] = {};
  for (let k = 0; k < n; k++) {
    const id = `s${k}` as StandardId;
    items[id] = { id, uri: '', code: `S.${k}`, statement: `Standard ${k} of ${title}`, itemType: 'Standard', parentId: null, sequence: k, educationLevels: [] };
  }
  return { id: S(i), title, source: '', version: '', caseDocumentId: '', caseDocumentUri: '', items };
}

/** Five competencies c0…c4 in two domains, a chain of links, a standards set with two alignments. */
function start(): Framework {
  const made = makeFramework([
    { code: 'A.1', domain: 'A' },
    { code: 'A.2', domain: 'A', after: ['A.1'] },
    { code: 'B.1', domain: 'B', after: ['A.2'] },
    { code: 'B.2', domain: 'B', after: ['B.1', 'A.1'] },
    { code: 'B.10', levels: ['03'] },
  ]);
  // stable ids, so commands generated as numbers can name them
  const comps = Object.values(made.competencies);
  const rename = new Map(comps.map((c, i) => [c.id as string, C(i)]));
  const fw: Framework = { ...made, competencies: {}, prerequisites: new Map(), alignments: new Map() };
  fw.phases = made.phases.map((p, i) => ({ ...p, id: P(i) }));
  fw.domains = made.domains.map((d, i) => ({ ...d, id: D(i) }));
  const domainOf = new Map(made.domains.map((d, i) => [d.id as string, D(i)]));
  for (const c of comps) {
    const id = rename.get(c.id)!;
    fw.competencies[id] = { ...c, id, domainId: c.domainId ? domainOf.get(c.domainId)! : null, phases: {} };
  }
  [...made.prerequisites.values()].forEach((l, i) => fw.prerequisites.set(L(i), { id: L(i), from: rename.get(l.from)!, to: rename.get(l.to)!, note: '' }));
  fw.standardsSets[S(0)] = standardsSet(0, 'Math', 4);
  fw.alignments.set(A(0), { id: A(0), competencyId: C(0), setId: S(0), standardId: 's0' as StandardId, kind: 'exact' });
  fw.alignments.set(A(1), { id: A(1), competencyId: C(2), setId: S(0), standardId: 's1' as StandardId, kind: 'partial' });
  return freeze(fw, true);
}

const n = (max: number) => fc.nat(max);
const word = fc.constantFrom('', 'A.1', 'A.3', 'B.2', 'Z', 'Explain fractions');
const kind = fc.constantFrom('exact' as const, 'partial' as const, 'related' as const);

/** One random edit as a command (it may well be refused: then the document stays as it was). */
const anyCommand: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ i: n(7), code: word }).map(({ i, code }) => addCompetency({ id: C(i), code, statement: `New ${code}` })),
  fc.record({ i: n(7), code: word }).map(({ i, code }) => updateCompetency(C(i), { code })),
  fc.record({ i: n(7), s: word }).map(({ i, s }) => updateCompetency(C(i), { statement: s })),
  fc.record({ i: n(7), d: n(3) }).map(({ i, d }) => updateCompetency(C(i), { domainId: d === 3 ? null : D(d) })),
  fc.record({ i: n(7), l: fc.constantFrom<string[]>([], ['03'], ['KG', '05']) }).map(({ i, l }) => updateCompetency(C(i), { educationLevels: l })),
  fc.record({ i: n(7), h: fc.constantFrom(null, 1, 3) }).map(({ i, h }) => updateCompetency(C(i), { estimatedHours: h })),
  fc.record({ i: n(7), p: n(4), s: word }).map(({ i, p, s }) => setPhaseDescriptor(C(i), P(p), s)),
  fc.record({ i: n(7), p: n(4), k: n(3) }).map(({ i, p, k }) => addIndicator(C(i), P(p), { id: `ind${k}` as IndicatorId, text: `shows ${k}` })),
  fc.record({ ids: fc.uniqueArray(n(7), { maxLength: 2 }) }).map(({ ids }) => deleteCompetencies(ids.map(C))),
  fc.record({ i: n(7), x: n(3) }).map(({ i, x }) => moveCompetencies({ [C(i)]: { x: x * 100, y: 0 } })),
  fc.record({ i: n(7), on: fc.boolean() }).map(({ i, on }) => setPinned([C(i)], on)),
  fc.record({ l: n(9), f: n(7), t: n(7) }).map(({ l, f, t }) => linkPrerequisite({ id: L(l), from: C(f), to: C(t) })),
  fc.record({ ls: fc.uniqueArray(n(9), { maxLength: 2 }) }).map(({ ls }) => unlinkPrerequisites(ls.map(L))),
  fc.record({ l: n(9), f: n(7), t: n(7) }).map(({ l, f, t }) => reconnectPrerequisite(L(l), C(f), C(t))),
  fc.record({ l: n(9), s: word }).map(({ l, s }) => updatePrerequisiteNote(L(l), s)),
  fc.record({ a: n(6), c: n(7), s: n(1), st: n(4), k: kind }).map(({ a, c, s, st, k }) =>
    addAlignment({ id: A(a), competencyId: C(c), setId: S(s), standardId: `s${st}` as StandardId, kind: k }),
  ),
  fc.record({ as: fc.uniqueArray(n(6), { maxLength: 2 }) }).map(({ as }) => removeAlignments(as.map(A))),
  fc.record({ a: n(6), k: kind }).map(({ a, k }) => setAlignmentKind(A(a), k)),
  fc.record({ s: n(1), t: fc.constantFrom('Math', 'ELA'), k: n(5) }).map(({ s, t, k }) => addStandardsSet(standardsSet(s, t, k))),
  n(1).map((s) => removeStandardsSet(S(s))),
  fc.record({ d: n(3), i: n(3) }).map(({ d, i }) => addDomain({ id: D(d), code: `D${d}`, title: `Domain ${d}`, description: '', color: '#2f6fdf', parentId: null }, i)),
  fc.record({ d: n(3), t: word }).map(({ d, t }) => updateDomain(D(d), { title: t })),
  fc.record({ d: n(3), i: n(3) }).map(({ d, i }) => moveDomain(D(d), i)),
  n(3).map((d) => removeDomain(D(d))),
  fc.record({ p: n(5), i: n(5) }).map(({ p, i }) => addPhase({ id: P(p), label: `Phase ${p}` }, i)),
  fc.record({ p: n(5), t: word }).map(({ p, t }) => updatePhase(P(p), { label: t })),
  fc.record({ p: n(5), i: n(5) }).map(({ p, i }) => movePhase(P(p), i)),
  n(5).map((p) => removePhase(P(p))),
  n(5).map((p) => setThresholdPhase(P(p))),
  fc.record({ t: word }).map(({ t }) => updateFrameworkMeta({ title: t, version: t })),
);

function run(fw: Framework, cmds: readonly Command[]): Framework {
  for (const c of cmds) {
    const r = applyCommand(fw, c);
    if (r.ok) fw = r.framework;
  }
  return fw;
}

/** The other version: the start edited, as a file read back (no object shared), or the very same objects. */
function otherVersion(cmds: readonly Command[], copy: boolean): Framework {
  const a = run(start(), cmds);
  return copy ? structuredClone(a) : a;
}

describe('diffFrameworksFrom (the diff kept up to date after each edit)', () => {
  it('equals a diff from scratch after any edits, undo and redo included (property)', () => {
    fc.assert(
      fc.property(
        fc.array(anyCommand, { maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.record({ cmd: anyCommand, back: fc.option(n(40), { freq: 4 }) }), { minLength: 1, maxLength: 25 }),
        (aEdits, copy, includeLayout, steps) => {
          const options: DiffOptions = { includeLayout };
          const a = otherVersion(aEdits, copy);
          // the versions shown so far and their diffs; `back` returns to an earlier one (undo), whose diff is reused
          const seen: { fw: Framework; diff: ReturnType<typeof diffFrameworks> }[] = [];
          let fw = start();
          let diff = diffFrameworks(a, fw, options);
          for (const { cmd, back } of steps) {
            seen.push({ fw, diff });
            if (back !== null) ({ fw, diff } = seen[back % seen.length]!);
            const r = applyCommand(fw, cmd);
            const next = r.ok ? r.framework : fw;
            diff = diffFrameworksFrom(diff, a, next, options);
            expect(diff).toEqual(diffFrameworks(a, next, options));
            fw = next;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('follows an edit, then its undo, on a map where both versions share no object', () => {
    const a = structuredClone(start());
    const b0 = start();
    const d0 = diffFrameworks(a, b0);
    expect(d0.identical).toBe(true);
    const r = applyCommand(b0, updateCompetency(C(1), { statement: 'Compare fractions' }));
    if (!r.ok) throw new Error(r.error.message);
    const d1 = diffFrameworksFrom(d0, a, r.framework);
    expect(d1.competencies.changed).toEqual([{ id: C(1), fields: ['statement'] }]);
    expect(diffFrameworksFrom(d1, a, b0).identical).toBe(true);
  });

  it('compares again an object edited in place (a document that is not frozen), and ignores a diff made for another version', () => {
    const a = structuredClone(start());
    const b = structuredClone(start());
    const d0 = diffFrameworks(a, b);
    b.competencies[C(2)]!.statement = 'Edited in place';
    b.prerequisites.get(L(0))!.note = 'why';
    expect(diffFrameworksFrom(d0, a, b)).toEqual(diffFrameworks(a, b));
    expect(diffFrameworksFrom(d0, a, b).competencies.changed).toEqual([{ id: C(2), fields: ['statement'] }]);
    // a diff against another `a`, or made with other options, is not taken over
    const other = produce(a, (d) => {
      d.competencies[C(3)]!.code = 'X';
    });
    expect(diffFrameworksFrom(d0, other, b)).toEqual(diffFrameworks(other, b));
    const withLayout = diffFrameworks(a, b, { includeLayout: true });
    expect(diffFrameworksFrom(withLayout, a, b)).toEqual(diffFrameworks(a, b));
  });
});
