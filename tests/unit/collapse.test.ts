import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { createCompetency, createDomain, createFramework } from '../../src-core/model/defaults';
import type { CompetencyId, DomainId, LinkId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import {
  aggregatedEdgeId,
  collapsedNodeId,
  collapseView,
  isHiddenByCollapse,
  revealCompetencies,
  topLevelDomains,
  visibleGraph,
} from '../../src-core/view/collapse';

/**
 * A framework from a compact description: domains (with an optional parent index), competencies
 * (domain index or null, position) and links (competency indices).
 */
function build(spec: { domains: (number | null)[]; competencies: (number | null)[]; links: [number, number][]; positions?: { x: number; y: number }[] }): Framework {
  const domains = spec.domains.map((_, i) => createDomain({ id: `d${i}` as DomainId, title: `Domain ${i}`, code: `D${i}` }, i));
  spec.domains.forEach((p, i) => (domains[i]!.parentId = p === null || p >= domains.length ? null : (`d${p}` as DomainId)));
  const fw = createFramework({ domains });
  spec.competencies.forEach((d, i) => {
    const id = `c${i}` as CompetencyId;
    fw.competencies[id] = createCompetency({
      id,
      code: `C${i}`,
      domainId: d === null || d >= domains.length ? null : (`d${d}` as DomainId),
      position: spec.positions?.[i] ?? { x: i * 300, y: (d ?? 9) * 200 },
    });
  });
  spec.links.forEach(([a, b], k) => {
    if (a === b || a >= spec.competencies.length || b >= spec.competencies.length) return;
    const id = `l${k}` as LinkId;
    fw.prerequisites.set(id, { id, from: `c${a}` as CompetencyId, to: `c${b}` as CompetencyId, note: '' });
  });
  return fw;
}

describe('collapsing a domain into one node (view)', () => {
  // d0: c0 c1 c2 · d1: c3 c4 · d2 (nested in d1): c5 · no domain: c6
  const fw = build({
    domains: [null, null, 1],
    competencies: [0, 0, 0, 1, 1, 2, null],
    links: [
      [0, 1], // inside d0
      [1, 2], // inside d0
      [0, 3], // d0 → d1
      [1, 3], // d0 → d1 (same pair when both collapsed)
      [2, 4], // d0 → d1
      [3, 5], // d1 → d2 (nested)
      [5, 6], // d2 → no domain
      [6, 0], // no domain → d0
    ],
  });

  it('with nothing collapsed draws exactly the document', () => {
    const g = visibleGraph(fw, []);
    expect(g.nodes.sort()).toEqual(Object.keys(fw.competencies).sort());
    expect(g.edges.map((e) => e.id).sort()).toEqual([...fw.prerequisites.keys()].sort());
  });

  it('one collapsed domain: its competencies become one node, inside links vanish, crossing links aggregate per node pair', () => {
    const v = collapseView(fw, ['d0']);
    expect(v.groups).toHaveLength(1);
    const g = v.groups[0]!;
    expect(g.id).toBe(collapsedNodeId('d0'));
    expect(g.competencyIds).toEqual(['c0', 'c1', 'c2']);
    expect(g.internalLinks).toBe(2);
    expect([...v.hiddenBy.keys()].sort()).toEqual(['c0', 'c1', 'c2']);
    // c0 → c3 and c1 → c3 become one edge with count 2; c2 → c4 one with count 1; c6 → c0 one into the group.
    const byId = new Map(v.aggregated.map((e) => [e.id, e]));
    expect(byId.get(aggregatedEdgeId(g.id, 'c3'))?.count).toBe(2);
    expect(byId.get(aggregatedEdgeId(g.id, 'c4'))?.count).toBe(1);
    expect(byId.get(aggregatedEdgeId('c6', g.id))?.count).toBe(1);
    expect(v.aggregated).toHaveLength(3);
    expect(v.visibleLinks.sort()).toEqual(['l5', 'l6']);
  });

  it('nested domains collapse with their parent', () => {
    const v = collapseView(fw, ['d1']);
    expect(v.groups.map((g) => g.domainId)).toEqual(['d1']);
    expect(v.groups[0]!.domainIds).toEqual(['d1', 'd2']);
    expect(v.groups[0]!.competencyIds).toEqual(['c3', 'c4', 'c5']);
    expect(v.groups[0]!.internalLinks).toBe(1); // c3 → c5
    // parent and child both collapsed: the parent's node stands for both
    const both = collapseView(fw, ['d2', 'd1']);
    expect(both.groups.map((g) => g.domainId)).toEqual(['d1']);
    // only the child collapsed: its own node
    const child = collapseView(fw, ['d2']);
    expect(child.groups.map((g) => g.competencyIds)).toEqual([['c5']]);
  });

  it('two collapsed domains: links between them are one edge with the total count', () => {
    const v = collapseView(fw, ['d0', 'd1']);
    const e = v.aggregated.find((x) => x.source === collapsedNodeId('d0') && x.target === collapsedNodeId('d1'));
    expect(e?.count).toBe(3);
    expect(e?.linkIds.sort()).toEqual(['l2', 'l3', 'l4']);
  });

  it('places the node centred on the box of its competencies, where its lane is', () => {
    const f = build({ domains: [null], competencies: [0, 0], links: [], positions: [{ x: 0, y: 0 }, { x: 1000, y: 200 }] });
    const v = collapseView(f, ['d0'], { competency: { width: 200, height: 100 }, group: { width: 300, height: 100 } });
    // box 0..1200 × 0..300, centre (600, 150)
    expect(v.groups[0]!.position).toEqual({ x: 450, y: 100 });
  });

  it('a collapsed domain without competencies draws nothing; unknown ids are ignored', () => {
    const f = build({ domains: [null, null], competencies: [0], links: [] });
    const v = collapseView(f, ['d1', 'nope']);
    expect(v.groups).toEqual([]);
    expect(v.hiddenBy.size).toBe(0);
  });

  it('a parentId loop does not hang or throw', () => {
    const f = build({ domains: [1, 0], competencies: [0, 1], links: [[0, 1]] });
    const v = collapseView(f, ['d0']);
    expect(v.groups).toHaveLength(1);
    expect(v.groups[0]!.competencyIds.sort()).toEqual(['c0', 'c1']);
    expect(revealCompetencies(f, ['d0'] as string[], ['c1'])).toEqual([]);
  });

  it('revealing a hidden competency expands the collapsed domains that hide it, and only those', () => {
    expect(revealCompetencies(fw, ['d0', 'd1'] as string[], ['c5'])).toEqual(['d0']);
    expect(revealCompetencies(fw, ['d0', 'd2'] as string[], ['c5'])).toEqual(['d0']);
    const same = ['d0'] as string[];
    expect(revealCompetencies(fw, same, ['c3', 'c6'])).toBe(same);
    expect(isHiddenByCollapse(fw, ['d1'], 'c5')).toBe(true);
    expect(isHiddenByCollapse(fw, ['d1'], 'c0')).toBe(false);
  });

  it('"collapse all" collapses the top-level domains', () => {
    expect(topLevelDomains(fw.domains)).toEqual(['d0', 'd1']);
    const v = collapseView(fw, topLevelDomains(fw.domains));
    expect(v.groups.map((g) => g.domainId)).toEqual(['d0', 'd1']);
    expect(visibleGraph(fw, topLevelDomains(fw.domains)).nodes.sort()).toEqual(['c6', collapsedNodeId('d0'), collapsedNodeId('d1')].sort());
  });

  it('does not change the framework', () => {
    const before = serializeFramework(fw);
    collapseView(fw, ['d0', 'd1']);
    revealCompetencies(fw, ['d0'], ['c0']);
    expect(serializeFramework(fw)).toBe(before);
  });
});

const scenario = fc.record({
  domains: fc.array(fc.option(fc.nat(7), { nil: null }), { minLength: 1, maxLength: 8 }),
  competencies: fc.array(fc.option(fc.nat(8), { nil: null }), { minLength: 1, maxLength: 30 }),
  links: fc.array(fc.tuple(fc.nat(31), fc.nat(31)), { maxLength: 60 }),
  collapsed: fc.array(fc.nat(9), { maxLength: 6 }),
});

describe('collapse view (property)', () => {
  it('collapse then expand (reveal everything hidden) gives back the identical node and edge set', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const fw = build(s);
        const open = visibleGraph(fw, []);
        expect(open.nodes).toEqual(Object.keys(fw.competencies));
        expect(open.edges.map((e) => e.id)).toEqual([...fw.prerequisites.keys()]);
        const ids = s.collapsed.map((i) => `d${i}`);
        // revealing every hidden competency expands exactly what was needed to get the open map back
        const hidden = [...collapseView(fw, ids).hiddenBy.keys()];
        const after = revealCompetencies(fw, ids, hidden);
        expect(visibleGraph(fw, after)).toEqual(open);
        // and what stays collapsed hides nothing (domains without competencies)
        expect(collapseView(fw, after).groups).toEqual([]);
      }),
    );
  });

  it('every link is drawn once, aggregated once or internal; counts add up; no edge names a hidden competency', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const fw = build(s);
        const v = collapseView(fw, s.collapsed.map((i) => `d${i}`));
        const nodes = new Set(visibleGraph(fw, s.collapsed.map((i) => `d${i}`)).nodes);
        // competencies: visible xor in exactly one group
        const inGroups = v.groups.flatMap((g) => g.competencyIds);
        expect(new Set(inGroups).size).toBe(inGroups.length);
        expect(new Set(inGroups)).toEqual(new Set(v.hiddenBy.keys()));
        for (const id of Object.keys(fw.competencies)) expect(nodes.has(id)).toBe(!v.hiddenBy.has(id));
        // links: exactly one of visible / aggregated / internal
        const aggregatedLinks = v.aggregated.flatMap((e) => e.linkIds);
        const internal = v.groups.reduce((t, g) => t + g.internalLinks, 0);
        expect(new Set([...v.visibleLinks, ...aggregatedLinks]).size).toBe(v.visibleLinks.length + aggregatedLinks.length);
        expect(v.visibleLinks.length + aggregatedLinks.length + internal).toBe(fw.prerequisites.size);
        for (const e of v.aggregated) {
          expect(e.count).toBe(e.linkIds.length);
          expect(nodes.has(e.source) && nodes.has(e.target)).toBe(true);
          expect(e.source).not.toBe(e.target);
          // each aggregated link really runs between the two nodes it is drawn between
          for (const id of e.linkIds) {
            const l = fw.prerequisites.get(id)!;
            expect(v.hiddenBy.get(l.from) ?? l.from).toBe(e.source);
            expect(v.hiddenBy.get(l.to) ?? l.to).toBe(e.target);
          }
        }
        // one edge per (source, target) pair
        expect(new Set(v.aggregated.map((e) => `${e.source}|${e.target}`)).size).toBe(v.aggregated.length);
        for (const id of v.visibleLinks) {
          const l = fw.prerequisites.get(id)!;
          expect(v.hiddenBy.has(l.from) || v.hiddenBy.has(l.to)).toBe(false);
        }
      }),
    );
  });

  it('revealing a competency makes it visible and keeps every other collapsed domain that does not hide it', () => {
    fc.assert(
      fc.property(scenario, fc.nat(29), (s, pick) => {
        const fw = build(s);
        const collapsed = s.collapsed.map((i) => `d${i}`);
        const id = `c${pick % s.competencies.length}`;
        const after = revealCompetencies(fw, collapsed, [id]);
        expect(collapseView(fw, after).hiddenBy.has(id)).toBe(false);
        for (const d of collapsed) if (!after.includes(d)) expect(isHiddenByCollapse(fw, [d], id)).toBe(true);
      }),
    );
  });
});
