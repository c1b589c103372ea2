/**
 * Validation: full `validateFramework` from scratch, the editor's incremental validation after one edit,
 * and our prerequisite-graph algorithms vs @dagrejs/graphlib `findCycles` + `topsort` on the same graph.
 */
import * as graphlib from '@dagrejs/graphlib';
import { freeze } from 'immer';
import { buildGraphFromLists, buildPrerequisiteGraph, layering, prerequisiteGraph, redundantLinks, stronglyConnectedComponents, topologicalOrder } from '../../src-core/graph';
import type { CompetencyId, LinkId } from '../../src-core/model/ids';
import { loadFrameworkText, serializeFramework } from '../../src-core/format/frameworkFile';
import { recordList } from '../../src-core/model/recordLists';
import type { Framework } from '../../src-core/model/types';
import { generateFramework } from '../generate';
import { optionalCore, pick } from '../optional';
import { count, fmt, measure, ratio, type BenchContext, type Sample, type Section } from '../stats';

type Validate = (fw: Framework, opts?: { redundantLinks?: boolean; lists?: unknown }) => { ok: boolean; diagnostics: unknown[] };
type CreateValidator = () => { validate: (fw: Framework) => unknown };
type Apply = (fw: Framework, cmd: unknown) => { ok: true; framework: Framework } | { ok: false; error: { message: string } };
type Commands = {
  applyCommand: Apply;
  updateCompetency: (id: CompetencyId, patch: { statement: string }) => unknown;
  linkPrerequisite: (l: { id: LinkId; from: CompetencyId; to: CompetencyId }) => unknown;
  addCompetency: (init: { id: CompetencyId; statement: string; code: string }) => unknown;
  moveCompetencies: (positions: Record<string, { x: number; y: number }>) => unknown;
};

/**
 * Fresh shallow copies, so caches keyed by the document's records start cold (as for a file just opened):
 * a new competencies object and new links and alignments Maps (a spread of a Map would be an empty object).
 */
function freshCopies(fw: Framework, k: number): Framework[] {
  return Array.from({ length: k }, () => ({
    ...fw,
    competencies: { ...fw.competencies },
    prerequisites: new Map(fw.prerequisites),
    alignments: new Map(fw.alignments),
  }));
}

/** The framework of a file's text, as the CLI loads it, with the records its schema check enumerated. */
function loadFramework(text: string): { framework: Framework; lists: unknown } {
  const r = loadFrameworkText(text);
  if (!r.ok) throw new Error(`generated file does not load: ${r.error.message}`);
  return { framework: r.value.framework, lists: r.value.lists };
}

/** A record enumerated as validation enumerates it (`recordList`, src-core/model/recordLists.ts). */
function enumerateRecord(rec: Readonly<Record<string, unknown>> | ReadonlyMap<string, unknown>): number {
  const { keys, values } = recordList(rec);
  return keys.length + values.length;
}

/**
 * What any validation must read, and nothing more: a bare walk over the three large records (as
 * enumerateRecord) that reads each competency's id, code, statement, domain (looked up), grade levels and
 * described phases (each descriptor, the first indicator's text), both ends of each link and the
 * competency and standard of each alignment (looked up), and each standard's parent (looked up). No
 * check, no message, no result: the floor of a validation from scratch over this document model
 * (competencies a plain object, links and alignments Maps, one heap object per record).
 */
function bareWalk(fw: Framework): number {
  let s = 0;
  const keys = (rec: object) => Object.keys(rec);
  const comps = fw.competencies as Record<string, Framework['competencies'][string]>;
  const ck = keys(comps);
  const index = new Map<string, number>();
  for (let i = 0; i < ck.length; i++) index.set(ck[i]!, i);
  const domains = new Map(fw.domains.map((d, i) => [d.id as string, i]));
  for (let i = 0; i < ck.length; i++) {
    const c = comps[ck[i]!]!;
    s += c.id.length + c.code.length + c.statement.length + (c.domainId === null ? 0 : (domains.get(c.domainId) ?? 1)) + c.educationLevels.length;
    const ph = c.phases as Record<string, { descriptor: string; indicators: { text: string }[] }>;
    for (const k in ph) {
      const pd = ph[k]!;
      s += pd.descriptor.length + (pd.indicators.length ? pd.indicators[0]!.text.length : 0);
    }
  }
  // links and alignments are Maps: enumerated by iteration (keys read too, as enumerateRecord does)
  for (const k of fw.prerequisites.keys()) s += k.length;
  for (const l of fw.prerequisites.values()) {
    s += l.id.length + (index.get(l.from) ?? 0) + (index.get(l.to) ?? 0);
  }
  for (const k of fw.alignments.keys()) s += k.length;
  for (const a of fw.alignments.values()) {
    const set = fw.standardsSets[a.setId];
    s += a.id.length + (index.get(a.competencyId) ?? 0) + (set && set.items[a.standardId] ? 1 : 0);
  }
  for (const set of Object.values(fw.standardsSets)) {
    const items = set.items;
    for (const k of keys(items)) {
      const p = items[k]!.parentId;
      if (p !== null && items[p]) s++;
    }
  }
  return s;
}

function sampleOf(t: number[]): Sample {
  t.sort((a, b) => a - b);
  const mid = t.length >> 1;
  return { median: t.length % 2 ? t[mid]! : (t[mid - 1]! + t[mid]!) / 2, min: t[0]!, max: t[t.length - 1]!, runs: t.length };
}

/**
 * The editor's case: a frozen document, validated once, then a chain of edits (each applied with the
 * editor's commands, outside the timing), each validated by the same live validator.
 */
function afterEdits(fw0: Framework, create: CreateValidator, edit: (fw: Framework, k: number) => Framework, runs: number): Sample {
  const v = create();
  let fw = fw0;
  v.validate(fw);
  const t: number[] = [];
  for (let k = 0; k <= runs; k++) {
    fw = edit(fw, k);
    const t0 = performance.now();
    v.validate(fw);
    if (k > 0) t.push(performance.now() - t0); // the first edit warms the code paths
  }
  return sampleOf(t);
}

export async function validationBench(ctx: BenchContext): Promise<Section[]> {
  const checks = await optionalCore('checks/index.ts');
  const validate = pick<Validate>(checks, 'validateFramework');
  const create = pick<CreateValidator>(checks, 'createValidator');
  const cmds = (await optionalCore('commands/index.ts')) as Commands | undefined;
  const sizes = ctx.quick ? [200] : [1000, 5000, 20000, 100000];
  const full: string[][] = [];
  const live: string[][] = [];
  const graph: string[][] = [];
  const redundant: string[][] = [];
  for (const n of sizes) {
    const links = n === 20000 ? 2.5 : 2; // 20k / 50k links / 10k standards, as the issue asks
    ctx.log(`validation: generating ${n}`);
    const fw = generateFramework({ competencies: n, linksPerCompetency: links, layout: false });
    const m = fw.prerequisites.size;
    const runs = ctx.quick ? 1 : n >= 100000 ? 3 : 7;
    // Validation from scratch is short and memory-bound, so it swings with what else runs on the box: more runs.
    const coldRuns = ctx.quick ? 1 : n >= 100000 ? 3 : n >= 20000 ? 21 : 31;
    const label = `${count(n)} / ${count(m)}`;

    // graphlib: graph built outside the timing (its algorithms only)
    const g = new graphlib.Graph({ directed: true });
    for (const id of Object.keys(fw.competencies)) g.setNode(id);
    for (const l of fw.prerequisites.values()) g.setEdge(l.from, l.to);
    const gl = await measure(() => {
      graphlib.alg.findCycles(g);
      graphlib.alg.topsort(g);
    }, runs);
    // ours, the same work on our index built outside the timing
    const built = buildPrerequisiteGraph(fw);
    const algo = await measure(() => {
      stronglyConnectedComponents(built);
      topologicalOrder(built);
    }, runs);
    // the redundant-link search alone, on the same built index (its share of validation from scratch)
    // given the whole layering, as validateFramework does (its order seeds the first reach labels)
    const lay = layering(built);
    const found = redundantLinks(built, lay);
    const search = await measure(() => redundantLinks(built, lay), runs);
    redundant.push([label, fmt(search), count(found.work.reduce((a, w) => a + w, 0)), count(found.links.length)]);
    // ours, building the index too: from the id strings, and with the node numbering (id → int) of an
    // unchanged competencies record reused, as after a link edit
    let copies = freshCopies(fw, runs + 1);
    const withBuild = await measure(() => {
      const gr = buildPrerequisiteGraph(copies.pop()!);
      stronglyConnectedComponents(gr);
      topologicalOrder(gr);
    }, runs);
    const linkList = [...fw.prerequisites.values()];
    const idList = Object.keys(fw.competencies);
    const withRenumber = await measure(() => {
      const gr = buildGraphFromLists(idList, linkList, built);
      stronglyConnectedComponents(gr);
      topologicalOrder(gr);
    }, runs);
    // the editor after a link edit: a frozen document, the index rebuilt reusing the node ends of every
    // unchanged link (prerequisiteGraph keeps the last graph), then the same algorithms
    const frozen = n <= 20000 ? freeze(structuredClone(fw), true) : undefined;
    let afterLinkEdit: Sample | undefined;
    if (frozen) {
      const ids = Object.keys(frozen.competencies) as CompetencyId[];
      let cur: Framework = frozen;
      prerequisiteGraph(cur);
      const t: number[] = [];
      for (let k = 0; k <= runs; k++) {
        const id = `bench-graph-link-${k}` as LinkId;
        const link = Object.freeze({ id, from: ids[k * 3]!, to: ids[ids.length - 1 - k * 5]!, note: '' });
        cur = { ...cur, prerequisites: freeze(new Map(cur.prerequisites).set(id, link)) };
        const t0 = performance.now();
        const gr = prerequisiteGraph(cur);
        stronglyConnectedComponents(gr);
        topologicalOrder(gr);
        if (k > 0) t.push(performance.now() - t0);
      }
      afterLinkEdit = sampleOf(t);
    }
    graph.push([
      label,
      fmt(algo),
      fmt(gl),
      ratio(gl.median, algo.median),
      afterLinkEdit ? fmt(afterLinkEdit) : '—',
      afterLinkEdit ? ratio(gl.median, afterLinkEdit.median) : '—',
      fmt(withRenumber),
      ratio(gl.median, withRenumber.median),
      fmt(withBuild),
      ratio(gl.median, withBuild.median),
    ]);

    if (!validate) {
      full.push([label, 'not landed yet', '—', '—', '—', '—', '—', '—']);
      continue;
    }
    // The first size timed pays the JIT's warm-up: a few untimed runs of both variants before it (one
    // warm-up run left the 1k row 2–4× slower in whichever column came first). Each later size too: on
    // a new size the first 3–5 runs are 1.5–2.5× the steady figure (re-optimised code, the last size's
    // garbage collected), a transient of the harness, not what validation costs.
    const warm = ctx.quick ? 1 : n <= 1000 ? 5 : n < 100000 ? 4 : 1;
    copies = freshCopies(fw, 2 * (warm - 1));
    for (let i = 1; i < warm; i++) {
      validate(copies.pop()!);
      validate(copies.pop()!, { redundantLinks: false });
    }
    copies = freshCopies(fw, coldRuns + 1);
    const cold = await measure(() => validate(copies.pop()!), coldRuns);
    copies = freshCopies(fw, coldRuns + 1);
    const fast = await measure(() => validate(copies.pop()!, { redundantLinks: false }), coldRuns);
    // What the CLI does: validate a file just loaded. Its ids are strings fresh from JSON.parse (each looked
    // up is hashed on first use) and its records were just walked by the schema check. Load outside the timing.
    const text = serializeFramework(fw);
    const loadedT: number[] = [];
    for (let k = 0; k <= coldRuns; k++) {
      const loadedFw = loadFramework(text);
      const t0 = performance.now();
      validate(loadedFw.framework, { lists: loadedFw.lists });
      if (k > 0) loadedT.push(performance.now() - t0);
    }
    const loaded = sampleOf(loadedT);
    // The floor of a validation from scratch: enumerating the three large records of the same fresh copies.
    copies = freshCopies(fw, coldRuns + 1);
    const enumerate = await measure(() => {
      const c = copies.pop()!;
      return enumerateRecord(c.competencies) + enumerateRecord(c.prerequisites) + enumerateRecord(c.alignments);
    }, coldRuns);
    // The floor of any validation over this document model: reading what the checks must read.
    copies = freshCopies(fw, coldRuns + 1);
    const walk = await measure(() => bareWalk(copies.pop()!), coldRuns);
    full.push([label, fmt(cold), fmt(fast), fmt(loaded), fmt(enumerate), fmt(walk), ratio(cold.median, walk.median), ratio(gl.median, cold.median)]);

    if (create && cmds && frozen) {
      ctx.log(`validation: incremental ${n}`);
      const ids = Object.keys(frozen.competencies) as CompetencyId[];
      const apply = (f: Framework, cmd: unknown): Framework => {
        const out = cmds.applyCommand(f, cmd);
        if (!out.ok) throw new Error(`bench edit refused: ${out.error.message}`); // an unchanged document would time nothing
        return out.framework;
      };
      const editRuns = ctx.quick ? 2 : 15;
      const statement = afterEdits(frozen, create, (f, k) => apply(f, cmds.updateCompetency(ids[(k * 7919) % ids.length]!, { statement: `Edited statement ${k}` })), editRuns);
      // A link from an early competency to a late one (grades ascend with position, so no cycle).
      const link = afterEdits(
        frozen,
        create,
        (f, k) => apply(f, cmds.linkPrerequisite({ id: `bench-link-${k}` as LinkId, from: ids[k * 3]!, to: ids[ids.length - 1 - k * 5]! })),
        editRuns,
      );
      const add = afterEdits(frozen, create, (f, k) => apply(f, cmds.addCompetency({ id: `bench-c-${k}` as CompetencyId, statement: 'A new competency', code: `NEW.${k}` })), editRuns);
      const move = afterEdits(frozen, create, (f, k) => apply(f, cmds.moveCompetencies({ [ids[(k * 7919) % ids.length]!]: { x: 40 * k, y: 20 * k } })), editRuns);
      live.push([label, fmt(statement), fmt(move), fmt(link), fmt(add), ratio(cold.median, statement.median)]);
    }
  }
  return [
    {
      title: 'Validation (Node)',
      header: [
        'competencies / links',
        'validateFramework, from scratch',
        'without redundant-link search',
        'from scratch, on a file just loaded (the CLI)',
        'of which enumerating the records (floor)',
        'reading what the checks must read (bare walk)',
        'full validation ÷ bare walk',
        'graphlib findCycles + topsort ÷ full validation',
      ],
      rows: full,
      note:
        'Every size has a standards set of half as many leaf standards (20k: 10k leaves, 50k links). "From scratch" runs on ' +
        'fresh copies of the competencies record and the links and alignments Maps of the generated document, so nothing cached for ' +
        'the document is reused. "On a file just loaded" is what `progressions validate` does after reading a file: the ' +
        'document comes from `loadFrameworkText` (outside the timing) and is validated with the records its schema check enumerated (`lists`), as the CLI does; its ids are strings fresh from JSON.parse, ' +
        'each hashed when first looked up, where the generated document\'s ids are already hashed. It runs every check — link integrity, cycles, isolated, grade regression, redundant ' +
        'links, record integrity, each competency\'s own checks, codes, mastery, hierarchies, coverage — and writes every ' +
        'message. Each record object is read once (a link: its id, both ends looked up; an alignment: its id, competency, ' +
        'set and standard), and messages are written only for problems. "Enumerating the records": the keys and values ' +
        'of the three records of the same fresh copies, as validation takes them, nothing else — a floor no check can go ' +
        'below. The competencies are a plain object: Object.keys and a read of each value (a large object is a V8 ' +
        'dictionary, and Object.keys sorts its entries by insertion order — most of this column). Links and alignments ' +
        'are Maps in memory (files keep JSON objects): iterated in insertion order, without a sort — about a tenth of ' +
        'the time Object.keys and the reads take on an object with as many keys (bench/notes.md). What the checks add on top is mostly reading each record object once (each competency\'s ' +
        'statement, phases, descriptors and threshold indicators are separate heap objects) and ~2 id lookups per ' +
        'link and alignment; the graph algorithms themselves are a few ms at 20k. "Bare walk" (bareWalk in ' +
        'bench/node/validation.ts) reads, on the same fresh copies, what any validation must read and does nothing else: ' +
        'the three records enumerated, each competency\'s id, code, statement, domain (looked up), grade levels and ' +
        'described phases (each descriptor and first indicator), both ends of each link and the competency and ' +
        'standard of each alignment (looked up), each standard\'s parent. Where it is above the target, no code over this ' +
        'document model (competencies a plain object, links and alignments Maps, one heap object per record) can meet ' +
        'it. Runs: 31 up to 5k, 21 at 20k, after 3 untimed runs of each variant on a new size (4 at 1k). The ' +
        'last column compares with the graphlib baseline of the graph table below.',
    },
    {
      title: 'Validation after one edit (Node, incremental)',
      header: ['competencies / links', 'edit a competency statement', 'move a competency (a drop)', 'add a prerequisite link', 'add a competency', 'from scratch ÷ statement edit'],
      rows: live.length ? live : [['—', 'not landed yet', '—', '—', '—', '—']],
      note:
        'What the editor pays on every edit: `createValidator().validate(next)` on the frozen (immer) document after one ' +
        'command applied with `applyCommand` (outside the timing), in a chain of 15 edits; the result equals a validation ' +
        'from scratch (property test in tests/unit/checks.validator.test.ts). Only what the edit replaced is looked at ' +
        'again: the edited competency\'s own checks (messages about the graph are kept while no name changes); after a ' +
        'link edit the graph is rebuilt reusing the node ends of unchanged links, cycles and layering are recomputed, ' +
        'and redundant links are searched again only from sources that reach a changed node; after adding a ' +
        'competency alignment findings, coverage and redundant links are kept. Still O(n) or O(m): enumerating the ' +
        'edited record (Object.keys for the competencies; iterating the Map for links, 50,000 at 20k) and matching it against the last one, and the graph\'s ' +
        'linear passes after a link edit. The test link goes from an early to a late competency (a long-range link, ' +
        'the costly case for the redundant-link search).',
    },
    {
      title: 'Prerequisite graph vs graphlib (Node)',
      header: [
        'competencies / links',
        'ours: SCC + topological order (index built)',
        'graphlib findCycles + topsort (graph built)',
        'graphlib ÷ ours, like for like',
        'ours incl. rebuilding the index after a link edit (editor)',
        'graphlib ÷ that',
        'ours incl. building the index, node numbering reused',
        'graphlib ÷ that',
        'ours incl. building the index from id strings',
        'graphlib ÷ that',
      ],
      rows: graph,
      note:
        'Like for like: both sides run cycle detection (Tarjan\'s SCC; graphlib findCycles is Tarjan too) and a ' +
        'topological order on a graph already built — graphlib\'s `Graph` with setNode/setEdge, ours the CSR index ' +
        '(typed arrays) of src-core/graph. "After a link edit": a frozen document with one link added, the index rebuilt by ' +
        '`prerequisiteGraph`, which reuses the node ends of every unchanged link from the last graph (no id lookups but ' +
        'the new link\'s), plus enumerating the new links Map. "Node numbering reused": the index rebuilt from the ' +
        'link list with the id → node map of an unchanged competencies record, every link looked up. "From id strings": ' +
        'a fresh document — enumerating both records and looking up two ids per link dominate.',
    },
    {
      title: 'Redundant-link search (Node)',
      header: ['competencies / links', 'redundantLinks on a built index', 'node visits', 'redundant links'],
      rows: redundant,
      note:
        'The search of validateFramework for links implied by a longer chain (src-core/graph/redundant.ts), alone, on ' +
        'the index and layering of the table above. From each competency with a link to one at least two layers ' +
        'deeper, a depth-first search that enters only nodes that may still reach such a candidate (two interval ' +
        'labellings of the graph, built first from 1,024 such competencies on) and stops once every candidate is found. "Node visits" is what ' +
        'counts against its work budget (200·(n + m)).',
    },
  ];
}
