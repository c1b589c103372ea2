import fc from 'fast-check';
import { enableMapSet, freeze, produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { validateFramework } from '../../src-core/checks';
import { prerequisiteGraph, wouldCreateCycle } from '../../src-core/graph';
import type { AlignmentId, CompetencyId, LinkId } from '../../src-core/model/ids';
import { FwBuilder } from './checksBuilder';

// These tests draft documents with immer directly (not through src-core/commands, which enables it): the
// links and alignments are Maps.
enableMapSet();

describe('validation of immutable (immer) documents reuses what an edit did not touch', () => {
  it('sees every edit: a new link that closes a cycle, a renamed code, a removed link', () => {
    const b = new FwBuilder().competencies('A', 'B', 'C').links('A>B', 'B>C');
    let fw = freeze(b.fw, true);
    expect(validateFramework(fw).ok).toBe(true);

    fw = produce(fw, (d) => {
      d.prerequisites.set('back', { id: 'back' as LinkId, from: b.id('C'), to: b.id('A'), note: '' });
    });
    let r = validateFramework(fw);
    expect(r.cycles).toHaveLength(1);
    expect(r.diagnostics[0]!.message).toContain('A → B → C → A');

    // Text edits keep the graph but must show in messages.
    const graphBefore = prerequisiteGraph(fw);
    fw = produce(fw, (d) => {
      d.competencies[b.id('B')]!.code = 'B2';
    });
    expect(prerequisiteGraph(fw)).toBe(graphBefore);
    r = validateFramework(fw);
    expect(r.diagnostics[0]!.message).toContain('A → B2 → C → A');

    fw = produce(fw, (d) => {
      d.prerequisites.delete('back');
    });
    r = validateFramework(fw);
    expect(r.cycles).toEqual([]);
    expect(r.ok).toBe(true);
  });
  it('rebuilds the graph when a competency is added or removed', () => {
    const b = new FwBuilder().competencies('A', 'B').links('A>B');
    let fw = freeze(b.fw, true);
    const g1 = prerequisiteGraph(fw);
    fw = produce(fw, (d) => {
      delete d.competencies[b.id('A')];
    });
    const g2 = prerequisiteGraph(fw);
    expect(g2).not.toBe(g1);
    expect(g2.m).toBe(0);
    expect(validateFramework(fw).diagnostics.map((d) => d.code)).toContain('dangling-link');
  });
});

describe('mutable documents are never served stale results', () => {
  it('wouldCreateCycle sees a link added in place after an earlier call', () => {
    const b = new FwBuilder().competencies('A', 'B', 'C').links('A>B');
    expect(wouldCreateCycle(b.fw, b.id('C'), b.id('A'))).toBeNull();
    b.link('B>C');
    expect(wouldCreateCycle(b.fw, b.id('C'), b.id('A'))).toEqual([b.id('C'), b.id('A'), b.id('B'), b.id('C')]);
  });
  it('validateFramework sees a link added in place after an earlier call', () => {
    const b = new FwBuilder().competencies('A', 'B').links('A>B');
    expect(validateFramework(b.fw).ok).toBe(true);
    b.link('B>A');
    expect(validateFramework(b.fw).cycles).toHaveLength(1);
  });
});

describe('cached and fresh validation agree (property)', () => {
  const ops = fc.array(
    fc.oneof(
      fc.record({ op: fc.constant('link' as const), a: fc.nat(5), b: fc.nat(5) }),
      fc.record({ op: fc.constant('unlink' as const), k: fc.nat(20) }),
      fc.record({ op: fc.constant('statement' as const), a: fc.nat(5), text: fc.constantFrom('', 'Adds', '  ') }),
      fc.record({ op: fc.constant('code' as const), a: fc.nat(5), code: fc.constantFrom('', 'A', 'B', 'Z') }),
      fc.record({ op: fc.constant('level' as const), a: fc.nat(5), level: fc.constantFrom('03', '05', 'Grade 2', 'XX') }),
      fc.record({ op: fc.constant('threshold' as const), p: fc.nat(3) }),
      fc.record({ op: fc.constant('label' as const), p: fc.nat(3) }),
      fc.record({ op: fc.constant('status' as const), s: fc.constantFrom('draft' as const, 'adopted' as const) }),
      fc.record({ op: fc.constant('align' as const), a: fc.nat(5), s: fc.nat(2) }),
      fc.record({ op: fc.constant('remove' as const), a: fc.nat(5) }),
    ),
    { maxLength: 12 },
  );
  it('after any sequence of immer edits, the frozen document gives exactly what a fresh copy gives', () => {
    fc.assert(
      fc.property(ops, (steps) => {
        const b = new FwBuilder().competencies('A', 'B', 'C', 'D', 'E', 'F').links('A>B', 'B>C').standards('S', ['0', '1', '2']);
        const ids = Object.keys(b.fw.competencies);
        let fw = freeze(b.fw, true);
        validateFramework(fw);
        steps.forEach((s, k) => {
          fw = produce(fw, (d) => {
            const cid = (i: number) => ids[i]! as CompetencyId;
            switch (s.op) {
              case 'link':
                d.prerequisites.set(`x${k}`, { id: `x${k}` as LinkId, from: cid(s.a), to: cid(s.b), note: '' });
                break;
              case 'unlink': {
                const keys = [...d.prerequisites.keys()];
                if (keys.length) d.prerequisites.delete(keys[s.k % keys.length]!);
                break;
              }
              case 'statement':
                if (d.competencies[cid(s.a)]) d.competencies[cid(s.a)]!.statement = s.text;
                break;
              case 'code':
                if (d.competencies[cid(s.a)]) d.competencies[cid(s.a)]!.code = s.code;
                break;
              case 'level':
                if (d.competencies[cid(s.a)]) d.competencies[cid(s.a)]!.educationLevels = [s.level];
                break;
              case 'threshold':
                d.phases.forEach((p, i) => (p.threshold = i === s.p));
                break;
              case 'label':
                d.phases[s.p]!.label = `Phase ${k}`;
                break;
              case 'status':
                d.status = s.s;
                break;
              case 'align':
                d.alignments.set(`al${k}`, { id: `al${k}` as AlignmentId, competencyId: cid(s.a), setId: b.sid('S'), standardId: b.std('S', String(s.s)), kind: 'exact' });
                break;
              case 'remove':
                delete d.competencies[cid(s.a)];
                break;
            }
          });
          const cached = validateFramework(fw);
          const fresh = validateFramework(structuredClone(fw) as typeof fw);
          expect(cached).toEqual(fresh);
        });
      }),
      { numRuns: 150 },
    );
  });
});
