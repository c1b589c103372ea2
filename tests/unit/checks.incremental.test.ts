import { freeze, produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { validateFramework } from '../../src-core/checks';
import { prerequisiteGraph, wouldCreateCycle } from '../../src-core/graph';
import type { LinkId } from '../../src-core/model/ids';
import { FwBuilder } from './checksBuilder';

describe('validation of immutable (immer) documents reuses what an edit did not touch', () => {
  it('sees every edit: a new link that closes a cycle, a renamed code, a removed link', () => {
    const b = new FwBuilder().competencies('A', 'B', 'C').links('A>B', 'B>C');
    let fw = freeze(b.fw, true);
    expect(validateFramework(fw).ok).toBe(true);

    fw = produce(fw, (d) => {
      d.prerequisites.back = { id: 'back' as LinkId, from: b.id('C'), to: b.id('A'), note: '' };
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
      delete d.prerequisites.back;
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
