import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCompetency as newCompetency, createDomain, createFramework } from '../../src-core/model/defaults';
import type { Position } from '../../src-core/model/types';
import { createCompetency } from '../../src-renderer/src/canvas/actions';
import { setCanvasBridge } from '../../src-renderer/src/canvas/canvasBridge';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

// "+ Competency" (or N) with nothing selected puts the new card in the middle of the view. When that is
// inside a domain's lane, the card belongs to that domain, as a double-click there gives: not a card
// "in no domain" drawn inside another domain's lane.
function setup() {
  const fractions = createDomain({ code: 'NF', title: 'Fractions' });
  const geometry = createDomain({ code: 'G', title: 'Geometry' }, 1);
  const fw = createFramework({ domains: [fractions, geometry] });
  for (const [d, x, y] of [[fractions, 0, 0], [fractions, 600, 0], [geometry, 0, 400], [geometry, 600, 400]] as const) {
    const c = newCompetency({ code: `${d.code}.${x}`, domainId: d.id, position: { x, y } });
    fw.competencies[c.id] = c;
  }
  return { store: createEditorStore({ framework: fw }), fractions, geometry };
}

function viewCentredAt(p: Position) {
  setCanvasBridge({ center: () => p, fitView: () => {}, zoomIn: () => {}, zoomOut: () => {}, ensureVisible: () => {} });
}

describe('a competency added in the middle of the view', () => {
  const raf = globalThis.requestAnimationFrame;
  beforeEach(() => {
    globalThis.requestAnimationFrame = (() => 0) as typeof requestAnimationFrame;
  });
  afterEach(() => {
    globalThis.requestAnimationFrame = raf;
    setCanvasBridge(null);
  });

  it('joins the domain whose lane the middle of the view is in', () => {
    const { store, geometry, fractions } = setup();
    viewCentredAt({ x: 480, y: 460 });
    const id = createCompetency(store)!;
    expect(store.getSnapshot().doc.framework.competencies[id]!.domainId).toBe(geometry.id);
    store.setSession({ selection: { competencies: [], links: [] } });
    viewCentredAt({ x: 480, y: 60 });
    const id2 = createCompetency(store)!;
    expect(store.getSnapshot().doc.framework.competencies[id2]!.domainId).toBe(fractions.id);
  });

  it('is in no domain outside every lane, or with lanes off', () => {
    const { store } = setup();
    viewCentredAt({ x: 480, y: 2000 });
    const id = createCompetency(store)!;
    expect(store.getSnapshot().doc.framework.competencies[id]!.domainId).toBeNull();
    store.setSession({ selection: { competencies: [], links: [] }, laneOrientation: 'none' });
    viewCentredAt({ x: 480, y: 460 });
    const id2 = createCompetency(store)!;
    expect(store.getSnapshot().doc.framework.competencies[id2]!.domainId).toBeNull();
  });
});
