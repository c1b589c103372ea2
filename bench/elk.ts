/** elkjs baselines on the same graph as our layout: ELK layered with its defaults and a fast preset. */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { LayoutInput } from '../src-core/layout';

/** The two ELK configurations the benchmark compares with. */
export const ELK_PRESETS: Record<'default' | 'fast', Record<string, string>> = {
  default: {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.spacing.nodeNode': '20',
    'elk.layered.spacing.nodeNodeBetweenLayers': '60',
  },
  // the usual "make ELK fast" knobs: fewer crossing-minimisation passes, simpler placement
  fast: {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.spacing.nodeNode': '20',
    'elk.layered.spacing.nodeNodeBetweenLayers': '60',
    'elk.layered.thoroughness': '1',
    'elk.layered.nodePlacement.strategy': 'SIMPLE',
    'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
    'elk.layered.compaction.postCompaction.strategy': 'NONE',
    'elk.edgeRouting': 'POLYLINE',
    'elk.layered.unnecessaryBendpoints': 'false',
  },
};

/** Runs ELK layered and returns top-left positions keyed by node id. */
export async function elkLayout(input: LayoutInput, preset: keyof typeof ELK_PRESETS): Promise<Record<string, { x: number; y: number }>> {
  const elk = new ELK();
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: ELK_PRESETS[preset],
    children: input.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: input.edges.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  };
  const out = await elk.layout(graph);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const c of out.children ?? []) positions[c.id] = { x: c.x ?? 0, y: c.y ?? 0 };
  return positions;
}
