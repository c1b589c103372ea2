import { describe, expect, it } from 'vitest';
import { withDropDomains } from './laneDropHelpers';
import fc from 'fast-check';
import type { InternalNode } from '@xyflow/react';
import { createCompetency, createDomain, createFramework } from '../../src-core/model/defaults';
import type { Framework } from '../../src-core/model/types';
import { startLiveDrag } from '../../src-renderer/src/canvas/drag/liveDrag';
import { createFlowDeriver, type FlowNode, type LaneNodeData } from '../../src-renderer/src/canvas/flowModel';
import { laneDrag, laneGeometry } from '../../src-renderer/src/canvas/lanes/laneGeometry';

function framework(points: { x: number; y: number; d: number }[]): Framework {
  const domains = [createDomain({ title: 'A', color: '#ff0000' }, 0), createDomain({ title: 'B', color: '#00ff00' }, 1), createDomain({ title: 'Empty' }, 2)];
  const fw = createFramework({ domains });
  for (const p of points) {
    const c = createCompetency({ position: { x: p.x, y: p.y }, domainId: p.d < 2 ? domains[p.d]!.id : null });
    fw.competencies[c.id] = c;
  }
  return fw;
}

const point = fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }), d: fc.nat({ max: 2 }) });
const orientation = fc.constantFrom('horizontal' as const, 'vertical' as const, 'none' as const);

describe('lane geometry during a drag', () => {
  it('equals the full lane geometry with the moved positions, for any map and any moves', () => {
    fc.assert(
      fc.property(orientation, fc.array(point, { minLength: 1, maxLength: 12 }), fc.array(fc.tuple(fc.nat(), point), { maxLength: 8 }), (o, points, moves) => {
        const fw = framework(points);
        const ids = Object.keys(fw.competencies);
        const positions: Record<string, { x: number; y: number }> = {};
        for (const [i, p] of moves) positions[ids[i % ids.length]!] = { x: p.x, y: p.y };
        const live = laneDrag(fw, o, Object.keys(positions));
        expect(live.at(positions)).toEqual(laneGeometry(withDropDomains(fw, o, positions), o, positions));
        // later moves of the same competencies
        for (const id of Object.keys(positions)) positions[id] = { x: positions[id]!.x + 77, y: positions[id]!.y - 31 };
        expect(live.at(positions)).toEqual(laneGeometry(withDropDomains(fw, o, positions), o, positions));
      }),
      { numRuns: 200 },
    );
  });
});

/** React Flow's store as the live drag sees it: a node lookup adopted from the flow model's nodes. */
function flowStore(nodes: FlowNode[]) {
  const nodeLookup = new Map<string, InternalNode<FlowNode>>();
  for (const n of nodes) nodeLookup.set(n.id, { ...n, measured: { ...n.measured }, internals: { positionAbsolute: n.position, z: 0, userNode: n, handleBounds: undefined } } as InternalNode<FlowNode>);
  let notified = 0;
  const store = { getState: () => ({ nodeLookup, edgeLookup: new Map(), connectionLookup: new Map(), domNode: null, transform: [0, 0, 1] }), setState: () => void notified++ };
  return { store: store as never, nodeLookup, notified: () => notified };
}

describe('a live drag in React Flow’s store', () => {
  it('moves the dragged nodes and grows their lane without touching other nodes or notifying React Flow, and puts everything back when it ends', () => {
    const fw = framework([
      { x: 0, y: 0, d: 0 },
      { x: 400, y: 0, d: 0 },
      { x: 0, y: 300, d: 1 },
    ]);
    const [a, b, c] = Object.keys(fw.competencies) as [string, string, string];
    const { nodes } = createFlowDeriver()({ framework: fw, session: { selection: { competencies: [], links: [] }, focus: null, laneOrientation: 'horizontal', dragPositions: null }, problems: new Map() });
    const { store, nodeLookup, notified } = flowStore(nodes);
    const before = new Map(nodeLookup);
    const drag = startLiveDrag(store, fw, 'horizontal');

    drag.move([{ id: a, position: { x: 10.4, y: -200.6 } }]);
    expect(notified()).toBe(0); // React Flow's selectors do not run for a move
    expect(nodeLookup.get(a)!.internals.positionAbsolute).toEqual({ x: 10, y: -201 });
    expect(nodeLookup.get(b)).toBe(before.get(b));
    expect(nodeLookup.get(c)).toBe(before.get(c));
    // lane A grows upwards to the moved competency; lane B keeps its node
    const laneA = `lane:${fw.domains[0]!.id}`;
    const laneB = `lane:${fw.domains[1]!.id}`;
    const expected = laneGeometry(fw, 'horizontal', { [a]: { x: 10, y: -201 } });
    expect(nodeLookup.get(laneA)!.data).toMatchObject(expected[0]!);
    expect(nodeLookup.get(laneA)!.internals.positionAbsolute).toEqual({ x: expected[0]!.x, y: expected[0]!.y });
    expect(nodeLookup.get(laneA)!.width).toBe(expected[0]!.width);
    expect(nodeLookup.get(laneB)).toBe(before.get(laneB));

    drag.move([{ id: a, position: { x: 20, y: 0 } }]);
    expect(drag.finish()).toEqual({ [a]: { x: 20, y: 0 } });
    for (const [id, n] of before) expect(nodeLookup.get(id)).toBe(n);
    expect(notified()).toBe(1); // React Flow renders once, from its restored nodes

    const again = startLiveDrag(store, fw, 'horizontal');
    again.move([{ id: c, position: { x: 5, y: 5 } }]);
    again.finish(); // e.g. a refused move: React Flow draws the original positions again
    expect(notified()).toBe(2);
    expect((nodeLookup.get(c)!.internals.positionAbsolute)).toEqual(fw.competencies[c]!.position);
    expect((nodeLookup.get(laneB)!.data as LaneNodeData).y).toBe((before.get(laneB)!.data as LaneNodeData).y);
  });
});
