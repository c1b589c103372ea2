import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCompetency, deleteCompetencies, moveCompetencies, updateCompetency } from '../../src-core/commands';
import { createDomain, createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId, type DomainId } from '../../src-core/model/ids';
import { atWalkEnd, readingOrder, revealCompetency, stepSelection } from '../../src-renderer/src/canvas/actions';
import { collapseViewCached } from '../../src-renderer/src/canvas/collapse/applyCollapse';
import { createEditorStore, type EditorStore } from '../../src-renderer/src/store/editorStore';

/** Tab as it was before the reading order was kept: every press sorted the whole map. */
function stepSelectionRef(store: EditorStore, delta: 1 | -1): void {
  const { doc, session } = store.getSnapshot();
  const fw = doc.framework;
  const hidden = session.collapsedDomains.length ? collapseViewCached(fw, session.collapsedDomains).hiddenBy : null;
  const cur = session.selection.competencies[0];
  const all = Object.values(fw.competencies)
    .filter((c) => !hidden?.has(c.id) || c.id === cur)
    .sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
  if (!all.length || (all.length === 1 && hidden?.has(all[0]!.id))) {
    if (hidden?.size) store.notify('info', 'Every competency is in a collapsed domain: expand one (Shift+C expands all) to walk its competencies.');
    return;
  }
  const i = cur ? all.findIndex((c) => c.id === cur) : -1;
  const next = all[(i + delta + all.length) % all.length]!;
  revealCompetency(store, next.id);
}

/** Whether Tab would wrap around, as it was decided before: a pass over every competency. */
function atWalkEndRef(store: EditorStore, delta: 1 | -1): boolean {
  const { doc, session } = store.getSnapshot();
  const fw = doc.framework;
  const cur = session.selection.competencies[0];
  const c = cur ? fw.competencies[cur] : undefined;
  if (!c) return false;
  const hidden = session.collapsedDomains.length ? collapseViewCached(fw, session.collapsedDomains).hiddenBy : null;
  let before = true;
  for (const o of Object.values(fw.competencies)) {
    if (o.id === c.id) {
      before = false;
      continue;
    }
    if (hidden?.has(o.id)) continue;
    const cmp = o.position.y - c.position.y || o.position.x - c.position.x || (before ? -1 : 1);
    if (delta > 0 ? cmp > 0 : cmp < 0) return false;
  }
  return true;
}

type Step =
  | { t: 'tab'; back: boolean }
  | { t: 'select'; i: number | null }
  | { t: 'selectGone' }
  | { t: 'add'; x: number; y: number; d: number }
  | { t: 'move'; i: number; x: number; y: number }
  | { t: 'edit'; i: number }
  | { t: 'delete'; i: number }
  | { t: 'undo' }
  | { t: 'collapse'; ds: number[] };

describe('Tab order: the reading order kept between presses', () => {
  // few distinct coordinates, so equal positions (document order decides) are common
  const coord = fc.integer({ min: 0, max: 3 }).map((v) => v * 150);
  const step: fc.Arbitrary<Step> = fc.oneof(
    { arbitrary: fc.record({ t: fc.constant('tab' as const), back: fc.boolean() }), weight: 6 },
    { arbitrary: fc.record({ t: fc.constant('select' as const), i: fc.option(fc.nat()) }), weight: 2 },
    { arbitrary: fc.constant({ t: 'selectGone' as const }), weight: 1 },
    { arbitrary: fc.record({ t: fc.constant('add' as const), x: coord, y: coord, d: fc.nat({ max: 2 }) }), weight: 2 },
    { arbitrary: fc.record({ t: fc.constant('move' as const), i: fc.nat(), x: coord, y: coord }), weight: 2 },
    { arbitrary: fc.record({ t: fc.constant('edit' as const), i: fc.nat() }), weight: 1 },
    { arbitrary: fc.record({ t: fc.constant('delete' as const), i: fc.nat() }), weight: 1 },
    { arbitrary: fc.constant({ t: 'undo' as const }), weight: 1 },
    { arbitrary: fc.record({ t: fc.constant('collapse' as const), ds: fc.array(fc.nat({ max: 1 }), { maxLength: 2 }) }), weight: 1 },
  );

  it('Tab and Shift+Tab select what sorting the whole map on every press selected, and leave the map at the same ends, after any edits, collapses and selections', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord, fc.nat({ max: 2 })), { maxLength: 8 }), fc.array(step, { minLength: 1, maxLength: 40 }), (start, steps) => {
        const domains = [createDomain({ title: 'A', code: 'A' }, 0), createDomain({ title: 'B', code: 'B' }, 1)];
        const startIds = start.map(() => newId<CompetencyId>());
        const make = () => {
          const store = createEditorStore({ framework: createFramework({ domains }) });
          start.forEach(([x, y, d], i) => store.run(addCompetency({ id: startIds[i]!, position: { x, y }, domainId: d < 2 ? domains[d]!.id : null })));
          return store;
        };
        // two stores in lockstep (the same ids and history): one walked by stepSelection, one by the reference
        const a = make();
        const b = make();
        const both = (f: (s: EditorStore) => void) => [a, b].forEach(f);
        const ids = () => Object.keys(a.getSnapshot().doc.framework.competencies) as CompetencyId[];
        for (const s of steps) {
          const all = ids();
          const pick = (i: number) => all[i % all.length]!;
          if (s.t === 'tab') {
            stepSelection(a, s.back ? -1 : 1);
            stepSelectionRef(b, s.back ? -1 : 1);
          } else if (s.t === 'select') both((st) => st.setSession({ selection: { competencies: s.i === null || !all.length ? [] : [pick(s.i)], links: [] } }));
          else if (s.t === 'selectGone') both((st) => st.setSession({ selection: { competencies: ['gone' as CompetencyId], links: [] } }));
          else if (s.t === 'add') {
            const id = newId<CompetencyId>();
            both((st) => st.run(addCompetency({ id, position: { x: s.x, y: s.y }, domainId: s.d < 2 ? domains[s.d]!.id : null })));
          } else if (s.t === 'move' && all.length) both((st) => st.run(moveCompetencies({ [pick(s.i)]: { x: s.x, y: s.y } })));
          else if (s.t === 'edit' && all.length) both((st) => st.run(updateCompetency(pick(s.i), { statement: `s${s.i}` })));
          else if (s.t === 'delete' && all.length) both((st) => st.run(deleteCompetencies([pick(s.i)])));
          else if (s.t === 'undo') both((st) => st.undo());
          else if (s.t === 'collapse') both((st) => st.setSession({ collapsedDomains: [...new Set(s.ds.map((d) => domains[d]!.id as DomainId))] }));
          for (const d of [1, -1] as const) expect(atWalkEnd(a, d)).toBe(atWalkEndRef(b, d));
          const x = a.getSnapshot().session;
          const y = b.getSnapshot().session;
          expect(x.selection).toEqual(y.selection);
          expect(x.centerOn?.id).toEqual(y.centerOn?.id);
          expect(x.notice?.message).toEqual(y.notice?.message);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is by rows from the top, left to right within a row, equal positions in document order, and kept while no competency moves, comes or goes', () => {
    const store = createEditorStore({ framework: createFramework() });
    const id = (code: string, x: number, y: number) => {
      const c = newId<CompetencyId>();
      store.run(addCompetency({ id: c, code, position: { x, y } }));
      return c;
    };
    const c = id('C', 300, 100);
    const a = id('A', 0, 0);
    const d = id('D', 0, 100);
    const b = id('B', 300, 0);
    const e = id('E', 0, 100); // on D: after it, as in the document
    const fw = () => store.getSnapshot().doc.framework;
    const first = readingOrder(fw().competencies);
    expect(first.ids).toEqual([a, b, d, e, c]);
    store.run(updateCompetency(c, { statement: 'changed' }));
    expect(readingOrder(fw().competencies)).toBe(first);
    store.run(moveCompetencies({ [c]: { x: -50, y: 0 } }));
    expect(readingOrder(fw().competencies).ids).toEqual([c, a, b, d, e]);
  });
});
