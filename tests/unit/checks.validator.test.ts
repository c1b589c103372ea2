import fc from 'fast-check';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { createValidator, validateFramework } from '../../src-core/checks';
import {
  addAlignment,
  addCompetency,
  addDomain,
  applyCommand,
  deleteCompetencies,
  linkPrerequisite,
  moveCompetencies,
  removeAlignments,
  removeDomain,
  setPhaseDescriptor,
  setThresholdPhase,
  unlinkPrerequisites,
  updateCompetency,
  updateFrameworkMeta,
  updatePhase,
  type Command,
} from '../../src-core/commands';
import type { AlignmentId, CompetencyId, DomainId, LinkId, PhaseId, StandardId, StandardsSetId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { messyFramework } from './helpers/messyFramework';

/** JSON view of a result: what the CLI prints and the problems panel shows. */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

/** One editor action, chosen by small numbers that index into the current document. */
const step = fc.oneof(
  fc.record({ op: fc.constant('statement' as const), c: fc.nat(), text: fc.constantFrom('', '  ', 'Adds within 10', '\u00a0Reads') }),
  fc.record({ op: fc.constant('code' as const), c: fc.nat(), code: fc.constantFrom('', 'A.1', 'A.2', ' A.1 ') }),
  fc.record({ op: fc.constant('levels' as const), c: fc.nat(), levels: fc.constantFrom([], ['03'], ['12'], ['Grade 2'], ['KG', '05']) }),
  fc.record({ op: fc.constant('domain' as const), c: fc.nat(), d: fc.nat() }),
  fc.record({ op: fc.constant('descriptor' as const), c: fc.nat(), p: fc.nat(3), text: fc.constantFrom('', 'Can do it') }),
  fc.record({ op: fc.constant('move' as const), c: fc.nat(), x: fc.integer({ min: -500, max: 500 }) }),
  // Some additions restore ids that dangling links and alignments point at ('gone', 'nobody').
  // ('copy' gives the new competency the code of an existing one: a duplicate code.)
  fc.record({ op: fc.constant('add' as const), code: fc.constantFrom('', 'N.1', 'A.1', 'copy'), c: fc.nat(), id: fc.constantFrom('', 'gone', 'gone-too', 'nobody') }),
  fc.record({ op: fc.constant('delete' as const), c: fc.nat() }),
  fc.record({ op: fc.constant('link' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('unlink' as const), l: fc.nat() }),
  fc.record({ op: fc.constant('align' as const), c: fc.nat(), s: fc.nat() }),
  fc.record({ op: fc.constant('unalign' as const), a: fc.nat() }),
  fc.record({ op: fc.constant('threshold' as const), p: fc.nat(3) }),
  fc.record({ op: fc.constant('phaseLabel' as const), p: fc.nat(3) }),
  fc.record({ op: fc.constant('status' as const), s: fc.constantFrom('draft' as const, 'adopted' as const) }),
  fc.record({ op: fc.constant('addDomain' as const) }),
  fc.record({ op: fc.constant('removeDomain' as const), d: fc.nat() }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function commandFor(fw: Framework, s: Step, k: number): Command | undefined {
  const cids = Object.keys(fw.competencies) as CompetencyId[];
  const at = <T,>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);
  const c = 'c' in s ? at(cids, s.c) : undefined;
  switch (s.op) {
    case 'statement':
      return c && updateCompetency(c, { statement: s.text });
    case 'code':
      return c && updateCompetency(c, { code: s.code });
    case 'levels':
      return c && updateCompetency(c, { educationLevels: [...s.levels] });
    case 'domain': {
      const d = at(fw.domains, s.d);
      return c && updateCompetency(c, { domainId: s.d % 3 === 0 || !d ? null : d.id });
    }
    case 'descriptor': {
      const p = fw.phases[s.p % Math.max(1, fw.phases.length)];
      return c && p && setPhaseDescriptor(c, p.id, s.text);
    }
    case 'move':
      return c && moveCompetencies({ [c]: { x: s.x, y: s.x / 2 } });
    case 'add':
      return addCompetency({ id: (s.id || `new-c-${k}`) as CompetencyId, code: s.code === 'copy' ? (c ? fw.competencies[c]!.code : '') : s.code, statement: 'New competency' });
    case 'delete':
      return c && deleteCompetencies([c]);
    case 'link': {
      const a = at(cids, s.a);
      const b = at(cids, s.b);
      return a && b && linkPrerequisite({ id: `new-l-${k}` as LinkId, from: a, to: b });
    }
    case 'unlink': {
      const l = at([...fw.prerequisites.keys()], s.l);
      return l ? unlinkPrerequisites([l as LinkId]) : undefined;
    }
    case 'align': {
      const set = Object.values(fw.standardsSets)[0];
      const std = set && at(Object.keys(set.items), s.s);
      return c && set && std ? addAlignment({ id: `new-a-${k}` as AlignmentId, competencyId: c, setId: set.id as StandardsSetId, standardId: std as StandardId, kind: 'exact' }) : undefined;
    }
    case 'unalign': {
      const a = at([...fw.alignments.keys()], s.a);
      return a ? removeAlignments([a as AlignmentId]) : undefined;
    }
    case 'threshold': {
      const p = fw.phases[s.p % Math.max(1, fw.phases.length)];
      return p && setThresholdPhase(p.id as PhaseId);
    }
    case 'phaseLabel': {
      const p = fw.phases[s.p % Math.max(1, fw.phases.length)];
      return p && updatePhase(p.id, { label: `Phase ${k}` });
    }
    case 'status':
      return updateFrameworkMeta({ status: s.s });
    case 'addDomain':
      return addDomain({ id: `new-d-${k}` as DomainId, code: `D${k}`, title: `Domain ${k}`, description: '', color: '#336699', parentId: null });
    case 'removeDomain': {
      const d = at(fw.domains, s.d);
      return d ? removeDomain(d.id) : undefined;
    }
  }
}

describe('createValidator: incremental validation of editor edits equals a cold validation', () => {
  it('after every command of a random edit sequence, the result deep-equals validateFramework on a fresh copy', () => {
    // Without the competency stored under a key that is not its id: the commands assume keys are ids.
    const editable = (fw: Framework) => {
      delete fw.competencies['wrong-key-c' as CompetencyId];
      return freeze(fw, true);
    };
    const start = editable(messyFramework(60, 5));
    const acyclic = editable(messyFramework(60, 6, false));
    fc.assert(
      fc.property(fc.boolean(), fc.array(step, { minLength: 1, maxLength: 25 }), (cyclic, steps) => {
        const v = createValidator();
        let fw: Framework = cyclic ? start : acyclic;
        v.validate(fw);
        steps.forEach((s, k) => {
          const cmd = commandFor(fw, s, k);
          if (!cmd) return;
          const out = applyCommand(fw, cmd, new Date(Date.UTC(2026, 0, 1, 0, 0, k)));
          if (!out.ok) return;
          fw = out.framework;
          const live = v.validate(fw);
          const cold = validateFramework(structuredClone(fw));
          expect(plain(live)).toEqual(plain(cold));
        });
      }),
      { numRuns: 120 },
    );
  });

  it('undo (going back to an earlier version) gives that version’s result again', () => {
    const v = createValidator();
    const fw0 = freeze(messyFramework(40, 9), true);
    const r0 = plain(v.validate(fw0));
    const id = Object.keys(fw0.competencies)[1] as CompetencyId;
    const out = applyCommand(fw0, updateCompetency(id, { statement: '' }));
    if (!out.ok) throw new Error(out.error.message);
    const r1 = plain(v.validate(out.framework));
    expect(r1).not.toEqual(r0);
    expect(plain(v.validate(fw0))).toEqual(r0);
  });

  it('returns the same result object for the same version', () => {
    const v = createValidator();
    const fw = freeze(messyFramework(30, 2), true);
    expect(v.validate(fw)).toBe(v.validate(fw));
    expect(v.last?.framework).toBe(fw);
  });
});
