import { graphEnds, layering, type Ends, type Layering } from '../graph/order';
import { sameEdgeLinks, type PrerequisiteGraph } from '../graph/prerequisiteGraph';
import { redundantLinks, redundantLinksAfterEdit, type RedundantLink, type RedundantLinks } from '../graph/redundant';
import { prerequisiteCycles, stronglyConnectedComponents } from '../graph/scc';
import { formatLevels } from '../model/levels';
import type { CompetencyId, LinkId } from '../model/ids';
import type { CheckContext } from './context';
import type { CycleReport, Diagnostic } from './types';

/** What the prerequisite checks learn about the graph, for the summary. */
export interface PrerequisiteFindings {
  graph: PrerequisiteGraph;
  cycles: CycleReport[];
  layering: Layering;
  roots: number;
  leaves: number;
  isolated: number;
  redundantLinksChecked: boolean;
}

/**
 * Link integrity (`self-link`, `dangling-link`, `duplicate-link`), `prerequisite-cycle`, and the
 * shape of the progression (`isolated`, `grade-regression`, `redundant-link`).
 */
export function checkPrerequisites(ctx: CheckContext, opts: { redundantLinks: boolean }): PrerequisiteFindings {
  const graph = ctx.graph;
  checkLinkIntegrity(ctx, graph);

  const a = ctx.frozen ? cachedAnalysis(graph) : analyse(graph);
  const cycles = a.cycles;
  // Messages about the graph name competencies: kept with the analysis while no name changes.
  const names = ctx.frozen ? ctx.table().names : undefined;
  const kept = names !== undefined && a.messages?.names === names ? a.messages : undefined;
  const mark = ctx.diagnostics.length;
  if (kept) for (const d of kept.cycles) ctx.diagnostics.push(d);
  else for (const c of cycles) {
    const loop = c.path.map((id) => ctx.name(id)).join(' → ');
    const others = c.members.slice(c.path.length - 1);
    const more = others.length ? ` ${ctx.names(others)} ${others.length === 1 ? 'is' : 'are'} caught in the same loop.` : '';
    ctx.add(
      'prerequisite-cycle',
      'competency',
      c.members,
      `Prerequisite cycle: ${loop}. Each of these must be mastered before the next, so no student could ever start them; remove one of these links.${more}`,
      { links: c.links, path: c.path },
    );
  }

  const lay = a.layering;
  const ends = a.ends;
  const cycleMessages = kept ? kept.cycles : ctx.diagnostics.slice(mark);
  const mark2 = ctx.diagnostics.length;
  if (kept) for (const d of kept.isolated) ctx.diagnostics.push(d);
  // With no links at all there is no progression yet: calling every competency isolated is noise.
  else if (graph.m > 0) {
    for (const v of ends.isolated) {
      const id = graph.ids[v]!;
      ctx.add('isolated', 'competency', [id], `${ctx.name(id)} has no prerequisite and is a prerequisite of nothing: it stands outside the progression.`);
    }
  }
  const messages: GraphMessages | undefined =
    names === undefined ? undefined : (kept ?? (a.messages = { names, cycles: cycleMessages, isolated: ctx.diagnostics.slice(mark2) }));

  checkGradeRegression(ctx, graph);

  let redundantLinksChecked = false;
  if (opts.redundantLinks && cycles.length === 0) {
    // After a link edit, only the sources the edit can affect are searched again (same result).
    const r = (a.redundant ??= (a.before && redundantLinksAfterEdit(graph, lay.depth, a.before)) || redundantLinks(graph, lay));
    a.before = undefined;
    redundantLinksChecked = r.complete;
    const mark3 = ctx.diagnostics.length;
    if (messages?.redundant) for (const d of messages.redundant) ctx.diagnostics.push(d);
    else redundantLinkMessages(ctx, graph, r, names);
    if (messages && !messages.redundant) messages.redundant = ctx.diagnostics.slice(mark3);
  }

  return {
    graph,
    cycles,
    layering: lay,
    roots: ends.roots,
    leaves: ends.leaves,
    isolated: ends.isolated.length,
    redundantLinksChecked,
  };
}

/**
 * One `redundant-link` message per redundant link. Competencies are named by node (the chains' node
 * numbers, `r.path`): from the competency table's trimmed codes — what `ctx.name` gives when there is
 * one — and through `ctx.name` otherwise, each node named once.
 */
function redundantLinkMessages(ctx: CheckContext, graph: PrerequisiteGraph, r: RedundantLinks, names: object | undefined): void {
  const code = ctx.table().code;
  const named: (string | undefined)[] = [];
  const name = (v: number): string => (code[v] || (named[v] ??= ctx.name(graph.ids[v]!)));
  const { links, path, pathStart } = r;
  for (let i = 0; i < links.length; i++) {
    const l = links[i]!;
    // After a link edit most redundant links are the same objects as before: so are their messages.
    const hit = names !== undefined ? redundantMessages.get(l) : undefined;
    if (hit && hit.names === names) {
      ctx.diagnostics.push(hit.diagnostic);
      continue;
    }
    const start = pathStart[i]!;
    const end = pathStart[i + 1]!;
    const from = name(path[start]!);
    const to = name(path[end - 1]!);
    let chain = from;
    for (let k = start + 1; k < end; k++) chain += ` → ${name(path[k]!)}`;
    ctx.add(
      'redundant-link',
      'competency',
      [l.from, l.to],
      `The link ${from} → ${to} is already implied by ${chain}; it can be removed to simplify the map.`,
      { links: [l.link], path: l.via },
    );
    if (names !== undefined) redundantMessages.set(l, { names, diagnostic: ctx.diagnostics[ctx.diagnostics.length - 1]! });
  }
}

/** What the graph alone determines (no text): cached per graph for immutable documents. */
interface GraphAnalysis {
  cycles: CycleReport[];
  layering: Layering;
  ends: Ends;
  redundant?: RedundantLinks;
  /** The graph analysed before this one and its redundant links, to update them from (dropped once used). */
  before?: { graph: PrerequisiteGraph; depth: Int32Array; result: RedundantLinks };
  /** The messages last written for it, valid while the competencies' names are `names`. */
  messages?: GraphMessages;
}

/** Diagnostics about the graph, written for one set of competency names. */
interface GraphMessages {
  names: object;
  cycles: Diagnostic[];
  isolated: Diagnostic[];
  redundant?: Diagnostic[];
}

const analyses = new WeakMap<PrerequisiteGraph, GraphAnalysis>();

/** The message of a redundant link (frozen documents), valid while the competencies' names are `names`. */
const redundantMessages = new WeakMap<RedundantLink, { names: object; diagnostic: Diagnostic }>();

function analyse(graph: PrerequisiteGraph): GraphAnalysis {
  const cc = stronglyConnectedComponents(graph);
  const cycles = prerequisiteCycles(graph, cc).map((c) => ({ ...c, links: linksAlong(graph, c.path) }));
  return { cycles, layering: layering(graph, cc), ends: graphEnds(graph) };
}

/** The last graph analysed for a frozen document, to lend its redundant links to the next one. */
let lastAnalysed: { graph: PrerequisiteGraph; analysis: GraphAnalysis } | undefined;

function cachedAnalysis(graph: PrerequisiteGraph): GraphAnalysis {
  let a = analyses.get(graph);
  if (!a) {
    a = analyse(graph);
    // Adding a competency (or editing one) without touching links leaves the edges as they were: the
    // redundant links — the costly part — stay the same (new nodes have no edges and depth 0).
    const last = lastAnalysed;
    if (last?.analysis.redundant?.complete && sameEdges(last.graph, graph)) a.redundant = last.analysis.redundant;
    else if (last?.analysis.redundant) a.before = { graph: last.graph, depth: last.analysis.layering.depth, result: last.analysis.redundant };
    analyses.set(graph, a);
  }
  lastAnalysed = { graph, analysis: a };
  return a;
}

/** True when `b` has exactly `a`'s edges (same links) over `a`'s nodes, numbered alike, and nodes added after them have none. */
function sameEdges(a: PrerequisiteGraph, b: PrerequisiteGraph): boolean {
  if (a === b) return true;
  if (b.n < a.n || b.m !== a.m) return false;
  if (a.ids !== b.ids) for (let v = 0; v < a.n; v++) if (a.ids[v] !== b.ids[v]) return false;
  for (let v = 0; v <= a.n; v++) if (a.outStart[v] !== b.outStart[v]) return false;
  for (let v = a.n + 1; v <= b.n; v++) if (b.outStart[v] !== b.m) return false;
  for (let e = 0; e < a.m; e++) if (a.outTo[e] !== b.outTo[e]) return false;
  return sameEdgeLinks(a, b);
}

/** The link ids along a closed path (the first link between each consecutive pair). */
function linksAlong(g: PrerequisiteGraph, path: readonly CompetencyId[]): LinkId[] {
  const out: LinkId[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const a = g.index.get(path[i]!)!;
    const b = g.index.get(path[i + 1]!)!;
    for (let e = g.outStart[a]!; e < g.outStart[a + 1]!; e++) {
      if (g.outTo[e] === b) {
        out.push(g.linkAt(e));
        break;
      }
    }
  }
  return out;
}

function checkLinkIntegrity(ctx: CheckContext, g: PrerequisiteGraph): void {
  // Only links left out of the graph can be self-links, dangling or duplicates.
  if (g.m === ctx.links.values.length) return;
  const firstOf = new Map<number, LinkId>();
  const n = g.n;
  for (const l of ctx.links.values) {
    const a = g.index.get(l.from);
    const b = g.index.get(l.to);
    if (a === undefined || b === undefined) {
      const present = [l.from, l.to].filter((id) => g.index.has(id));
      const missing = a === undefined && b === undefined ? 'either end' : a === undefined ? 'its prerequisite' : 'the competency it leads to';
      const known = present.length ? ` (from ${present.map((id) => ctx.name(id)).join('')})` : '';
      ctx.add(
        'dangling-link',
        'competency',
        present,
        `A prerequisite link${known} points at a competency that does not exist: ${missing} (${a === undefined ? l.from : l.to}) is missing. Remove the link or restore the competency.`,
        { links: [l.id] },
      );
      continue;
    }
    if (a === b) {
      ctx.add('self-link', 'competency', [l.from], `${ctx.name(l.from)} is listed as its own prerequisite; remove that link.`, { links: [l.id] });
      continue;
    }
    const key = a * n + b;
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, l.id);
    else {
      ctx.add(
        'duplicate-link',
        'competency',
        [l.from, l.to],
        `${ctx.name(l.from)} is linked as a prerequisite of ${ctx.name(l.to)} more than once; keep one link.`,
        { links: [first, l.id] },
      );
    }
  }
}

/** `grade-regression`: the prerequisite sits entirely above the grade levels of what it leads to. */
function checkGradeRegression(ctx: CheckContext, g: PrerequisiteGraph): void {
  const comps = ctx.competencies.values;
  // Lowest and highest known grade rank per competency (-1 = none), from each competency's own record.
  const { lo, hi } = ctx.table();
  let any = false;
  for (let v = 0; v < g.n; v++) {
    if (lo[v] !== -1) {
      any = true;
      break;
    }
  }
  if (!any) return;
  for (let a = 0; a < g.n; a++) {
    if (lo[a] === -1) continue;
    for (let e = g.outStart[a]!; e < g.outStart[a + 1]!; e++) {
      const b = g.outTo[e]!;
      if (hi[b] !== -1 && lo[a]! > hi[b]!) {
        const from = g.ids[a]!;
        const to = g.ids[b]!;
        const fc = comps[a]!;
        const tc = comps[b]!;
        ctx.add(
          'grade-regression',
          'competency',
          [from, to],
          `${ctx.name(from)} (${formatLevels(fc.educationLevels)}) is a prerequisite of ${ctx.name(to)} (${formatLevels(tc.educationLevels)}): a later-grade competency is required for an earlier-grade one. Check the link direction or the grade levels.`,
          { links: [g.linkAt(e)] },
        );
      }
    }
  }
}
