import fc from 'fast-check';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { generateFramework } from '../../bench/generate';
import {
  addCompetency,
  applyCommand,
  deleteCompetencies,
  linkPrerequisite,
  movePhase,
  setThresholdPhase,
  unlinkPrerequisites,
  updateCompetency,
  type Command,
} from '../../src-core/commands';
import type { CompetencyId, LinkId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { bottlenecks, loadByGradeBand, longestChain } from '../../src-core/progress/analytics';
import { classSummary, learnerStatus, learnerStatuses } from '../../src-core/progress/mastery';
import { pacingPlan } from '../../src-core/progress/pacing';
import { suggestedSequence } from '../../src-core/progress/sequence';
import type { Progress } from '../../src-core/progress/types';
import { installLearnerOverlay, overlayInputOf } from '../../src-renderer/src/features/learners/overlay';
import { createLearnersStore } from '../../src-renderer/src/features/learners/learnersStore';
import { learnerStructure, loadStructure } from '../../src-core/progress/structure';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

// With the Learners panel open, every edit of a 2,500-competency map took where 30 learners stand, the class
// table, the suggested sequence, the bottlenecks and the canvas overlay again (~250 ms per keystroke on the
// Class tab). The views now keep them while what they read is unchanged (`learnerStructure`,
// `loadStructure`): an edit of the words keeps them, and whatever the edit, what they show is what a
// computation from scratch shows.

const base = freeze(generateFramework({ competencies: 60, seed: 4, layout: false }), true);
const ids = Object.keys(base.competencies) as CompetencyId[];
const links = [...base.prerequisites.keys()] as LinkId[];
const [, p1, p2] = base.phases;

function progressOf(fw: Framework): Progress {
  const learners = ['ana', 'ben', 'chloe'].map((id) => ({ id, name: id }));
  const records = learners.flatMap((l, k) =>
    ids.slice(0, 20 + 10 * k).map((competencyId, i) => ({ learnerId: l.id, competencyId, phaseId: (i % 4 === 0 ? p1 : p2)!.id, date: '2026-10-01', evidence: '' })),
  );
  return { learners, records } as unknown as Progress;
}
const progress = progressOf(base);

const anyEdit: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ i: fc.nat(59), s: fc.string() }).map(({ i, s }) => updateCompetency(ids[i]!, { statement: s })),
  fc.record({ i: fc.nat(59), s: fc.constantFrom('A.1', 'Z.9', '0') }).map(({ i, s }) => updateCompetency(ids[i]!, { code: s })),
  fc.record({ i: fc.nat(59), h: fc.constantFrom(null, 1, 7) }).map(({ i, h }) => updateCompetency(ids[i]!, { estimatedHours: h })),
  fc.record({ i: fc.nat(59), l: fc.constantFrom<string[]>([], ['03'], ['KG', '01']) }).map(({ i, l }) => updateCompetency(ids[i]!, { educationLevels: l })),
  fc.record({ i: fc.nat(59), d: fc.nat(base.domains.length) }).map(({ i, d }) => updateCompetency(ids[i]!, { domainId: base.domains[d]?.id ?? null })),
  fc.record({ f: fc.nat(59), t: fc.nat(59), k: fc.nat(3) }).map(({ f, t, k }) => linkPrerequisite({ id: `new-${k}` as LinkId, from: ids[f]!, to: ids[t]! })),
  fc.nat(links.length - 1).map((k) => unlinkPrerequisites([links[k]!])),
  fc.nat(59).map((i) => deleteCompetencies([ids[i]!])),
  fc.nat(3).map((k) => addCompetency({ id: `added-${k}` as CompetencyId, code: `N.${k}` })),
  fc.constantFrom(...base.phases.map((p) => p.id)).map((p) => setThresholdPhase(p)),
  fc.record({ p: fc.constantFrom(...base.phases.map((p) => p.id)), i: fc.nat(3) }).map(({ p, i }) => movePhase(p, i)),
);

/** What the Class, Path and Pacing tabs and the overlay show, computed from scratch on a copy no cache has seen. */
function views(fw: Framework) {
  const copy = structuredClone(fw);
  const ana = learnerStatus(copy, progress, 'ana');
  return {
    classSummary: classSummary(copy, progress),
    statuses: learnerStatuses(copy, progress, ['ana', 'ben', 'chloe']),
    sequence: suggestedSequence(copy, new Set(ana.mastered)),
    chain: longestChain(copy),
    bottlenecks: bottlenecks(copy, 5),
    bands: loadByGradeBand(copy),
    pacing: pacingPlan(copy, ana.current, { hoursPerWeek: 40, startDate: '2026-09-01' }),
  };
}

describe('the learner views keep what an edit did not change', () => {
  it('an edit of the words keeps the structure; a link, a code, the scale or the hours do not', () => {
    const edit = (fw: Framework, c: Command) => {
      const r = applyCommand(fw, c);
      if (!r.ok) throw new Error(r.error.message);
      return r.framework;
    };
    const v1 = edit(base, updateCompetency(ids[5]!, { statement: 'Compare fractions', iCan: 'I can compare' }));
    expect(learnerStructure(v1)).toBe(learnerStructure(base));
    expect(loadStructure(v1)).toBe(loadStructure(base));
    expect(learnerStructure(edit(v1, unlinkPrerequisites([links[0]!])))).not.toBe(learnerStructure(v1));
    expect(learnerStructure(edit(v1, setThresholdPhase(p1!.id)))).not.toBe(learnerStructure(v1));
    expect(loadStructure(edit(v1, updateCompetency(ids[5]!, { estimatedHours: 9 })))).not.toBe(loadStructure(v1));
  });

  it('whenever the structure stays the same, so does everything the views compute from it (property)', () => {
    fc.assert(
      fc.property(fc.array(anyEdit, { minLength: 1, maxLength: 8 }), (edits) => {
        let fw = base;
        let before = views(fw);
        for (const c of edits) {
          const r = applyCommand(fw, c);
          if (!r.ok) continue;
          const next = r.framework;
          const now = views(next);
          if (learnerStructure(next) === learnerStructure(fw)) {
            expect(now.classSummary).toEqual(before.classSummary);
            expect(now.statuses).toEqual(before.statuses);
            expect(now.sequence).toEqual(before.sequence);
            expect(now.chain).toEqual(before.chain);
            expect(now.bottlenecks).toEqual(before.bottlenecks);
            if (loadStructure(next) === loadStructure(fw)) expect(now.pacing).toEqual(before.pacing);
          }
          if (loadStructure(next) === loadStructure(fw)) expect(now.bands).toEqual(before.bands);
          fw = next;
          before = now;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the canvas overlay is not written again for an edited statement, and follows a new prerequisite', () => {
    let writes = 0;
    let text = '';
    const style = {
      id: '',
      setAttribute() {},
      remove() {},
      get textContent() {
        return text;
      },
      set textContent(v: string) {
        writes++;
        text = v;
      },
    };
    const doc = { createElement: () => style, head: { append() {} } } as unknown as Document;
    const editor = createEditorStore({ framework: base });
    const learners = createLearnersStore();
    learners.set({ progress, learnerId: 'ana', overlay: true, showPath: true });
    const stop = installLearnerOverlay(editor, learners, doc);
    expect(writes).toBe(1);
    editor.run(updateCompetency(ids[4]!, { statement: 'A first edit' })); // the document the store holds is frozen from then on
    const before = text;
    const input = overlayInputOf(editor.getSnapshot().doc.framework, learners.getSnapshot())!;
    editor.run(updateCompetency(ids[5]!, { statement: 'Compare fractions' }));
    editor.run(updateCompetency(ids[6]!, { notes: 'Ask about unit fractions' }));
    expect(writes).toBe(1);
    // where ana stands and her path were not taken again
    const after = overlayInputOf(editor.getSnapshot().doc.framework, learners.getSnapshot())!;
    expect(after.status).toBe(input.status);
    expect(after.sequence).toBe(input.sequence);
    // a new prerequisite ana has not mastered blocks the competency (and moves it in her path)
    const ana = learnerStatus(base, progress, 'ana');
    const target = ana.ready.find((id) => !ana.current[id])!;
    const link = (from: CompetencyId) => linkPrerequisite({ id: 'block' as LinkId, from, to: target });
    const blocker = ids.find((id) => ana.state[id] !== 'mastered' && id !== target && applyCommand(base, link(id)).ok)!;
    editor.run(link(blocker));
    expect(writes).toBe(2);
    expect(text).not.toBe(before);
    expect(text).toContain(`[data-id="${target}"] .cnode:not(.is-dimmed) { opacity: 0.55`);
    stop();
  });
});
