/** Layout: our layered layout vs elkjs layered (default and a fast preset) on the same graph. */
import { countCrossings, layoutGraph, type LayoutInput } from '../../src-core/layout';
import { elkLayout } from '../elk';
import { generateFramework, layoutInputOf } from '../generate';
import { count, fmt, measure, ratio, type BenchContext, type Sample, type Section } from '../stats';

interface Row {
  engine: string;
  sample: Sample;
  crossings: number;
  crossingsRouted?: number;
  drawing: string;
}

/** Width × height of the drawing (node boxes), its height ÷ width and its area, as one cell. */
function drawing(input: LayoutInput, positions: Record<string, { x: number; y: number }>): string {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const n of input.nodes) {
    const p = positions[n.id];
    if (!p) continue;
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x + n.width);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y + n.height);
  }
  const w = x1 - x0;
  const h = y1 - y0;
  return `${count(Math.round(w))} × ${count(Math.round(h))} px, h/w ${(h / w).toFixed(2)}, ${count(Math.round((w * h) / 1e6))} Mpx²`;
}

export async function layoutBench(ctx: BenchContext): Promise<Section[]> {
  const n = ctx.quick ? 150 : 2500;
  const input: LayoutInput = layoutInputOf(generateFramework({ competencies: n }));
  const m = input.edges.length;
  const opts = { direction: 'LR' as const, nodeSep: 20, layerSep: 60 };
  const rows: Row[] = [];
  const ours = (label: string, groupBy: boolean, runs: number) => async () => {
    ctx.log(`layout: ${label}`);
    let res = layoutGraph(input, { ...opts, groupBy });
    const sample = await measure(() => (res = layoutGraph(input, { ...opts, groupBy })), runs);
    rows.push({
      engine: label,
      sample,
      crossings: countCrossings(input, res.positions, { direction: 'LR' }),
      crossingsRouted: countCrossings(input, res.positions, { direction: 'LR', bends: res.bends }),
      drawing: drawing(input, res.positions),
    });
  };
  await ours('ours (layered, no grouping)', false, ctx.quick ? 1 : 5)();
  await ours('ours, grouped by domain (lanes)', true, ctx.quick ? 1 : 5)();
  for (const preset of ['fast', 'default'] as const) {
    ctx.log(`layout: ELK ${preset}`);
    let pos: Record<string, { x: number; y: number }> = {};
    const runs = ctx.quick ? 1 : 3;
    const sample = await measure(async () => (pos = await elkLayout(input, preset)), runs, 0);
    rows.push({
      engine: `ELK layered, ${preset === 'fast' ? 'fast preset' : 'default options'}`,
      sample,
      crossings: countCrossings(input, pos, { direction: 'LR' }),
      drawing: drawing(input, pos),
    });
  }
  const base = rows[0]!;
  const main: Section = {
    title: `Layout of a ${count(n)}-competency / ${count(m)}-link progression (Node)`,
    header: ['engine', 'time', 'crossings (straight edges)', 'crossings (routed through bend points)', 'drawing (w × h, h/w, area)', 'time ÷ ours', 'crossings ÷ ours'],
    rows: rows.map((r) => [
      r.engine,
      fmt(r.sample),
      count(r.crossings),
      r.crossingsRouted === undefined ? '—' : count(r.crossingsRouted),
      r.drawing,
      ratio(r.sample.median, base.sample.median),
      ratio(r.crossings, base.crossings),
    ]),
    note:
      'Same graph, node size 240×112 (the canvas node), node gap 20, layer gap 60, left → right. Crossings are counted by one function ' +
      '(`countCrossings` in src-core/layout) for every engine: each prerequisite drawn straight from the right side of ' +
      'its source to the left side of its target, as the canvas draws it; pairs sharing a competency never count. ' +
      'ELK gets no domain information; compare it with the ungrouped row. ELK runs 3 times (fewer than 5: it is slow), ' +
      'without a warm-up run. Fast preset = thoroughness 1, SIMPLE node placement, greedy switch off, no ' +
      'post-compaction, polyline routing. Our time is dominated by the crossing reduction (barycenter sweeps + ' +
      'transpose over ~11k dummy nodes); in the app it runs in a Web Worker (`src-renderer/src/layout`). Drawing = the ' +
      'box around all competencies: ours aims at no taller than wide (`aspect` 1: crowded layers spread to later ' +
      'layers, lanes kept inside the band of their most crowded layer); the grouped row stacks 13 domain lanes (lane gap 40).',
  };
  // scaling of ours alone
  const scale: string[][] = [];
  for (const k of ctx.quick ? [300] : [1000, 5000, 10000, 20000]) {
    ctx.log(`layout: ours at ${k}`);
    const inp = layoutInputOf(generateFramework({ competencies: k }));
    let res = layoutGraph(inp, opts);
    const s = await measure(() => (res = layoutGraph(inp, opts)), ctx.quick ? 1 : k >= 10000 ? 3 : 5, 0);
    scale.push([`${count(k)} / ${count(inp.edges.length)}`, fmt(s), String(res.layers.length), count(res.crossings), drawing(inp, res.positions)]);
  }
  return [
    main,
    {
      title: 'Layout scaling, ours only (Node)',
      header: ['competencies / links', 'time', 'layers', 'layered crossings', 'drawing (w × h, h/w, area)'],
      rows: scale,
      note:
        'Near-linear in nodes + dummy nodes per sweep; the number of sweeps is capped (24) and stops after 4 in a row that each ' +
        'remove under 0.1 % of the crossings. More competencies per layer would make the drawing taller than wide, so big maps ' +
        'get more layers than their prerequisite depth (and more bend points).',
    },
  ];
}
