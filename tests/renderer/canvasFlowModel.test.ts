import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addCompetency,
  deleteCompetencies,
  linkPrerequisite,
  moveCompetencies,
  reconnectPrerequisite,
  setPinned,
  unlinkPrerequisites,
  updateCompetency,
  updateDomain,
  updatePrerequisiteNote,
} from '../../src-core/commands';
import { createDomain, createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId, type LinkId } from '../../src-core/model/ids';
import { ARROW_MARKER, createFlowDeriver, type CompetencyNode, type FlowInput } from '../../src-renderer/src/canvas/flowModel';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';
import type { LaneOrientation, SessionState } from '../../src-renderer/src/store/session';

type Step =
  | { t: 'add'; d: number; x: number; y: number }
  | { t: 'edit'; i: number; text: string }
  | { t: 'move'; i: number; x: number; y: number }
  | { t: 'delete'; i: number }
  | { t: 'link'; i: number; j: number }
  | { t: 'unlink'; i: number }
  | { t: 'pin'; i: number }
  | { t: 'domain'; d: number; text: string }
  | { t: 'undo' }
  | { t: 'redo' }
  | { t: 'select'; is: number[]; links: number[] }
  | { t: 'focus'; i: number | null }
  | { t: 'lanes'; o: LaneOrientation }
  | { t: 'drag'; is: number[]; x: number }
  | { t: 'drop' }
  | { t: 'problems'; is: number[]; error: boolean };

/** The i-th competency and link id of the current document (modulo their count), or null when there is none. */
function pickers(fw: () => { competencies: object; prerequisites: ReadonlyMap<string, unknown> }) {
  const pick = <T,>(rec: object, i: number): T | null => {
    const all = rec instanceof Map ? [...rec.keys()] : Object.keys(rec);
    return all.length ? (all[i % all.length] as T) : null;
  };
  return { cid: (i: number) => pick<CompetencyId>(fw().competencies, i), lid: (i: number) => pick<LinkId>(fw().prerequisites, i) };
}

const n = fc.nat({ max: 40 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ t: fc.constant('add' as const), d: fc.nat({ max: 2 }), x: fc.integer({ min: -900, max: 900 }), y: fc.integer({ min: -900, max: 900 }) }),
  fc.record({ t: fc.constant('edit' as const), i: n, text: fc.string({ maxLength: 5 }) }),
  fc.record({ t: fc.constant('move' as const), i: n, x: fc.integer({ min: -900, max: 900 }), y: fc.integer({ min: -900, max: 900 }) }),
  fc.record({ t: fc.constant('delete' as const), i: n }),
  fc.record({ t: fc.constant('link' as const), i: n, j: n }),
  fc.record({ t: fc.constant('unlink' as const), i: n }),
  fc.record({ t: fc.constant('pin' as const), i: n }),
  fc.record({ t: fc.constant('domain' as const), d: fc.nat({ max: 1 }), text: fc.string({ maxLength: 4 }) }),
  fc.constant({ t: 'undo' as const }),
  fc.constant({ t: 'redo' as const }),
  fc.record({ t: fc.constant('select' as const), is: fc.array(n, { maxLength: 3 }), links: fc.array(n, { maxLength: 2 }) }),
  fc.record({ t: fc.constant('focus' as const), i: fc.option(n) }),
  fc.record({ t: fc.constant('lanes' as const), o: fc.constantFrom<LaneOrientation>('horizontal', 'vertical', 'none') }),
  fc.record({ t: fc.constant('drag' as const), is: fc.array(n, { minLength: 1, maxLength: 2 }), x: fc.integer({ min: -900, max: 900 }) }),
  fc.constant({ t: 'drop' as const }),
  fc.record({ t: fc.constant('problems' as const), is: fc.array(n, { maxLength: 4 }), error: fc.boolean() }),
);

describe('flow model: incremental derivation', () => {
  it('gives the same nodes and edges as a fresh derivation after any sequence of edits, undos, selections and drags', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const domains = [createDomain({ title: 'Number', code: 'N' }, 0), createDomain({ title: 'Shape', code: 'S' }, 1)];
        const store = createEditorStore({ framework: createFramework({ domains }) });
        for (let k = 0; k < 4; k++) store.run(addCompetency({ id: newId<CompetencyId>(), code: `C${k}`, position: { x: k * 300, y: k * 50 }, domainId: domains[k % 2]!.id }));
        const derive = createFlowDeriver();
        let session: Pick<SessionState, 'selection' | 'focus' | 'laneOrientation' | 'dragPositions'> = {
          selection: { competencies: [], links: [] },
          focus: null,
          laneOrientation: 'horizontal',
          dragPositions: null,
        };
        let problems: FlowInput['problems'] = new Map();
        const fw = () => store.getSnapshot().doc.framework;
        const { cid, lid } = pickers(fw);
        derive({ framework: fw(), session, problems });
        for (const s of steps) {
          switch (s.t) {
            case 'add':
              store.run(addCompetency({ id: newId<CompetencyId>(), position: { x: s.x, y: s.y }, domainId: s.d < 2 ? domains[s.d]!.id : null }));
              break;
            case 'edit': {
              const id = cid(s.i);
              if (id) store.run(updateCompetency(id, { statement: s.text }));
              break;
            }
            case 'move': {
              const id = cid(s.i);
              if (id) store.run(moveCompetencies({ [id]: { x: s.x, y: s.y } }));
              break;
            }
            case 'delete': {
              const id = cid(s.i);
              if (id) store.run(deleteCompetencies([id]));
              break;
            }
            case 'link': {
              const a = cid(s.i);
              const b = cid(s.j);
              if (a && b) store.run(linkPrerequisite({ id: newId<LinkId>(), from: a, to: b }));
              break;
            }
            case 'unlink': {
              const id = lid(s.i);
              if (id) store.run(unlinkPrerequisites([id]));
              break;
            }
            case 'pin': {
              const id = cid(s.i);
              if (id) store.run(setPinned([id], !fw().competencies[id]!.pinned));
              break;
            }
            case 'domain':
              store.run(updateDomain(domains[s.d]!.id, { title: s.text }));
              break;
            case 'undo':
              store.undo();
              break;
            case 'redo':
              store.redo();
              break;
            case 'select':
              session = {
                ...session,
                selection: { competencies: s.is.map(cid).filter((x): x is CompetencyId => !!x), links: s.links.map(lid).filter((x): x is LinkId => !!x) },
              };
              break;
            case 'focus': {
              const id = s.i === null ? null : cid(s.i);
              session = { ...session, focus: id ? { id, depth: 1 } : null };
              break;
            }
            case 'lanes':
              session = { ...session, laneOrientation: s.o };
              break;
            case 'drag':
              session = { ...session, dragPositions: { ...(session.dragPositions ?? {}), ...Object.fromEntries(s.is.map((i) => [cid(i), { x: s.x, y: -s.x }]).filter(([id]) => id)) } };
              break;
            case 'drop':
              session = { ...session, dragPositions: null };
              break;
            case 'problems':
              problems = new Map(s.is.map((i) => [cid(i) ?? 'gone', { count: i + 1, severity: s.error ? ('error' as const) : ('warning' as const) }]));
              break;
          }
          // the app's store drops selected / focused ids that no longer exist
          const live = fw();
          session = {
            ...session,
            focus: session.focus && live.competencies[session.focus.id] ? session.focus : null,
          };
          const input = { framework: live, session, problems };
          const got = derive(input);
          const fresh = createFlowDeriver()(input);
          expect(got.nodes).toEqual(fresh.nodes);
          expect(got.edges).toEqual(fresh.edges);
          expect(derive(input)).toBe(got); // the same input: the same arrays
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the node objects, data objects and the edge array that an edit did not change', () => {
    const domains = [createDomain({ title: 'Number' }, 0)];
    const store = createEditorStore({ framework: createFramework({ domains }) });
    const ids = [0, 1, 2].map((k) => {
      const id = newId<CompetencyId>();
      store.run(addCompetency({ id, code: `C${k}`, position: { x: k * 300, y: 0 }, domainId: domains[0]!.id }));
      return id;
    });
    store.run(linkPrerequisite({ id: newId<LinkId>(), from: ids[0]!, to: ids[1]! }));
    const session = { selection: { competencies: [], links: [] }, focus: null, laneOrientation: 'horizontal' as const, dragPositions: null };
    const derive = createFlowDeriver();
    const fw = () => store.getSnapshot().doc.framework;
    const a = derive({ framework: fw(), session, problems: new Map() });
    const byId = (out: typeof a, id: string) => out.nodes.find((x) => x.id === id) as CompetencyNode;

    // a new competency: one more node, the others and the edge array unchanged
    store.run(addCompetency({ id: newId<CompetencyId>(), position: { x: 0, y: 400 } }));
    const b = derive({ framework: fw(), session, problems: new Map() });
    expect(b.nodes).toHaveLength(a.nodes.length + 1);
    for (const id of ids) expect(byId(b, id)).toBe(byId(a, id));
    expect(b.edges).toBe(a.edges);

    // a move (a drag's drop): a new node for the moved one with the same data object
    store.run(moveCompetencies({ [ids[2]!]: { x: 900, y: 10 } }));
    const c = derive({ framework: fw(), session, problems: new Map() });
    expect(byId(c, ids[2]!)).not.toBe(byId(b, ids[2]!));
    expect(byId(c, ids[2]!).position).toEqual({ x: 900, y: 10 });
    expect(byId(c, ids[2]!).data).toBe(byId(b, ids[2]!).data);
    expect(byId(c, ids[0]!)).toBe(byId(b, ids[0]!));
    expect(c.edges).toBe(b.edges);

    // selecting a competency: only its node changes, the edges stay
    const d = derive({ framework: fw(), session: { ...session, selection: { competencies: [ids[1]!], links: [] } }, problems: new Map() });
    expect(byId(d, ids[1]!).selected).toBe(true);
    expect(byId(d, ids[0]!)).toBe(byId(c, ids[0]!));
    expect(d.edges).toBe(c.edges);
  });

  it('keeps the node array and the edge object of every link that a link edit, its undo and redo did not change', () => {
    const domains = [createDomain({ title: 'Number' }, 0)];
    const store = createEditorStore({ framework: createFramework({ domains }) });
    const ids = [0, 1, 2, 3].map((k) => {
      const id = newId<CompetencyId>();
      store.run(addCompetency({ id, code: `C${k}`, position: { x: k * 300, y: 0 }, domainId: domains[0]!.id }));
      return id;
    });
    const l01 = newId<LinkId>();
    const l12 = newId<LinkId>();
    store.run(linkPrerequisite({ id: l01, from: ids[0]!, to: ids[1]! }));
    store.run(linkPrerequisite({ id: l12, from: ids[1]!, to: ids[2]! }));
    const session = { selection: { competencies: [], links: [] }, focus: null, laneOrientation: 'horizontal' as const, dragPositions: null };
    const derive = createFlowDeriver();
    const fw = () => store.getSnapshot().doc.framework;
    const edge = (out: { edges: { id: string }[] }, id: string) => out.edges.find((e) => e.id === id);
    const a = derive({ framework: fw(), session, problems: new Map() });

    // adding a link: one more edge, the others are the same objects
    const l23 = newId<LinkId>();
    store.run(linkPrerequisite({ id: l23, from: ids[2]!, to: ids[3]! }));
    const b = derive({ framework: fw(), session, problems: new Map() });
    expect(b.edges.map((e) => e.id)).toEqual([l01, l12, l23]);
    expect(edge(b, l01)).toBe(edge(a, l01));
    expect(edge(b, l12)).toBe(edge(a, l12));
    // no node changed: the very same node array, so React Flow adopts no node again
    expect(b.nodes).toBe(a.nodes);

    // undo removes it; redo brings it back, the others unchanged throughout
    store.undo();
    const c = derive({ framework: fw(), session, problems: new Map() });
    expect(c.edges.map((e) => e.id)).toEqual([l01, l12]);
    expect(edge(c, l01)).toBe(edge(a, l01));
    expect(c.nodes).toBe(a.nodes);
    store.redo();
    const d = derive({ framework: fw(), session, problems: new Map() });
    expect(d.edges.map((e) => e.id)).toEqual([l01, l12, l23]);
    expect(edge(d, l12)).toBe(edge(a, l12));
    expect(edge(d, l23)).toMatchObject({ source: ids[2], target: ids[3] });

    // removing a link: the other edges stay; deleting a competency takes its links, and its undo restores them
    store.run(unlinkPrerequisites([l01]));
    const e = derive({ framework: fw(), session, problems: new Map() });
    expect(e.edges.map((x) => x.id)).toEqual([l12, l23]);
    expect(edge(e, l23)).toBe(edge(d, l23));
    store.run(deleteCompetencies([ids[3]!]));
    expect(derive({ framework: fw(), session, problems: new Map() }).edges.map((x) => x.id)).toEqual([l12]);
    store.undo();
    const g = derive({ framework: fw(), session, problems: new Map() });
    expect(g.edges.map((x) => x.id)).toEqual([l12, l23]);
    expect(edge(g, l12)).toBe(edge(a, l12));
  });
});

describe('link arrowheads', () => {
  it('are sized in flow units, so a thicker (selected or highlighted cycle) link does not draw a bigger arrowhead', () => {
    const domains = [createDomain({ title: 'Number' }, 0)];
    const store = createEditorStore({ framework: createFramework({ domains }) });
    const [a, b] = [newId<CompetencyId>(), newId<CompetencyId>()];
    store.run(addCompetency({ id: a, position: { x: 0, y: 0 } }));
    store.run(addCompetency({ id: b, position: { x: 400, y: 0 } }));
    const link = newId<LinkId>();
    store.run(linkPrerequisite({ id: link, from: a, to: b }));
    const fw = store.getSnapshot().doc.framework;
    const session = { selection: { competencies: [], links: [link] }, focus: null, laneOrientation: 'none' as const, dragPositions: null };
    const [edge] = createFlowDeriver()({ framework: fw, session, problems: new Map() }).edges;
    expect(edge!.selected).toBe(true);
    // one marker for every link, drawn by the canvas (a string id: React Flow builds no marker per link)
    expect(edge!.markerEnd).toBe(ARROW_MARKER.id);
    expect(ARROW_MARKER).toMatchObject({ markerUnits: 'userSpaceOnUse', width: 29, height: 29 });
  });
});

type LinkStep =
  | { t: 'link'; i: number; j: number }
  | { t: 'unlink'; is: number[] }
  | { t: 'reconnect'; l: number; i: number; j: number }
  | { t: 'note'; l: number; text: string }
  | { t: 'select'; links: number[] }
  | { t: 'delete'; i: number }
  | { t: 'add' }
  | { t: 'undo' }
  | { t: 'redo' };

describe('flow model: link edits on a map with many links', () => {
  const k = fc.nat({ max: 60 });
  const linkStep: fc.Arbitrary<LinkStep> = fc.oneof(
    { arbitrary: fc.record({ t: fc.constant('link' as const), i: k, j: k }), weight: 4 },
    { arbitrary: fc.record({ t: fc.constant('unlink' as const), is: fc.array(k, { minLength: 1, maxLength: 3 }) }), weight: 3 },
    { arbitrary: fc.record({ t: fc.constant('reconnect' as const), l: k, i: k, j: k }), weight: 2 },
    { arbitrary: fc.record({ t: fc.constant('note' as const), l: k, text: fc.constantFrom('', 'why', 'because') }), weight: 2 },
    { arbitrary: fc.record({ t: fc.constant('select' as const), links: fc.array(k, { maxLength: 3 }) }), weight: 2 },
    { arbitrary: fc.record({ t: fc.constant('delete' as const), i: k }), weight: 1 },
    { arbitrary: fc.constant({ t: 'add' as const }), weight: 1 },
    { arbitrary: fc.constant({ t: 'undo' as const }), weight: 3 },
    { arbitrary: fc.constant({ t: 'redo' as const }), weight: 2 },
  );

  it('gives the same edges as a fresh derivation after any sequence of link edits, undos, redos and link selections, and keeps the edge object of every link left alone', () => {
    fc.assert(
      fc.property(fc.array(linkStep, { minLength: 1, maxLength: 40 }), (steps) => {
        const store = createEditorStore({ framework: createFramework({}) });
        const ids: CompetencyId[] = [];
        for (let i = 0; i < 12; i++) {
          const id = newId<CompetencyId>();
          ids.push(id);
          store.run(addCompetency({ id, code: `C${i}`, position: { x: (i % 4) * 300, y: Math.floor(i / 4) * 150 } }));
        }
        // a chain and some shortcuts: links the walk can edit
        for (let i = 0; i + 1 < ids.length; i++) store.run(linkPrerequisite({ id: newId<LinkId>(), from: ids[i]!, to: ids[i + 1]! }));
        for (let i = 0; i + 3 < ids.length; i += 2) store.run(linkPrerequisite({ id: newId<LinkId>(), from: ids[i]!, to: ids[i + 3]! }));
        const fw = () => store.getSnapshot().doc.framework;
        const { cid, lid } = pickers(fw);
        let session: Pick<SessionState, 'selection' | 'focus' | 'laneOrientation' | 'dragPositions'> = {
          selection: { competencies: [], links: [] },
          focus: null,
          laneOrientation: 'none',
          dragPositions: null,
        };
        const problems: FlowInput['problems'] = new Map();
        const derive = createFlowDeriver();
        let before = derive({ framework: fw(), session, problems });
        for (const s of steps) {
          const fw0 = fw();
          const sel0 = session.selection.links;
          switch (s.t) {
            case 'link': {
              const a = cid(s.i);
              const b = cid(s.j);
              if (a && b) store.run(linkPrerequisite({ id: newId<LinkId>(), from: a, to: b }));
              break;
            }
            case 'unlink':
              store.run(unlinkPrerequisites(s.is.map(lid).filter((x): x is LinkId => !!x)));
              break;
            case 'reconnect': {
              const l = lid(s.l);
              const a = cid(s.i);
              const b = cid(s.j);
              if (l && a && b) store.run(reconnectPrerequisite(l, a, b));
              break;
            }
            case 'note': {
              const l = lid(s.l);
              if (l) store.run(updatePrerequisiteNote(l, s.text));
              break;
            }
            case 'select':
              session = { ...session, selection: { competencies: [], links: s.links.map(lid).filter((x): x is LinkId => !!x) } };
              break;
            case 'delete': {
              const id = cid(s.i);
              if (id) store.run(deleteCompetencies([id]));
              break;
            }
            case 'add':
              store.run(addCompetency({ id: newId<CompetencyId>(), position: { x: 0, y: 900 } }));
              break;
            case 'undo':
              store.undo();
              break;
            case 'redo':
              store.redo();
              break;
          }
          const input = { framework: fw(), session, problems };
          const got = derive(input);
          expect(got.edges).toEqual(createFlowDeriver()(input).edges);
          // links the step left alone (same link object, same selection, both ends still there) keep their edge object
          const selected = new Set(session.selection.links);
          const selected0 = new Set(sel0);
          const was = new Map(before.edges.map((e) => [e.id, e]));
          for (const e of got.edges) {
            const l = e.id as LinkId;
            const unchanged = fw0.prerequisites.get(l) === input.framework.prerequisites.get(l) && selected.has(l) === selected0.has(l) && was.has(l);
            if (unchanged) expect(e).toBe(was.get(l));
          }
          before = got;
        }
      }),
      { numRuns: 300 },
    );
  });
});
