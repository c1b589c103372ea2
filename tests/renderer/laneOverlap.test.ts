import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { layoutGraph } from '../../src-core/layout';
import type { Framework } from '../../src-core/model/types';
import type { LaneOrientation } from '../../src-core/layout/lanePlacement';

const lanesOverlap = (fw: Pick<Framework, 'competencies' | 'domains'>, o: LaneOrientation) => overlapOf(Object.values(fw.competencies), fw.domains, o);
import { LAYER_SEP, NODE_H, NODE_SEP, NODE_W } from '../../src-renderer/src/canvas/geometry';
import { lanesOverlap as overlapOf } from '../../src-core/layout/lanePlacement';
import { cycleLanes } from '../../src-renderer/src/app/appCommands';
import { loadText } from '../../src-renderer/src/app/documents';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

const root = join(__dirname, '../..');
function example(): Framework {
  const r = loadFrameworkText(readFileSync(join(root, 'resources/examples/grade3-5-fractions.json'), 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.framework;
}

/** The map laid out as Auto-layout does for `direction` with lanes (src-renderer/src/layout/autoLayout.ts). */
function laidOut(fw: Framework, direction: 'LR' | 'TB'): Framework {
  const nodes = Object.values(fw.competencies).map((c) => ({ id: c.id, width: NODE_W, height: NODE_H, group: c.domainId, pinned: false, x: c.position.x, y: c.position.y }));
  const edges = [...fw.prerequisites.values()].map((l) => ({ from: l.from, to: l.to }));
  const r = layoutGraph({ nodes, edges }, { direction, groupBy: true, nodeSep: NODE_SEP, layerSep: LAYER_SEP, laneSep: 96 });
  const competencies = Object.fromEntries(Object.values(fw.competencies).map((c) => [c.id, { ...c, position: r.positions[c.id]! }]));
  return { ...fw, competencies };
}

describe('lanesOverlap: what turning the lanes shows', () => {
  it('a map laid out in rows has rows apart, and columns lying across one another until laid out in columns', () => {
    const rows = laidOut(example(), 'LR');
    expect(lanesOverlap(rows, 'horizontal')).toBe(false);
    expect(lanesOverlap(rows, 'vertical')).toBe(true);
    const cols = laidOut(rows, 'TB');
    expect(lanesOverlap(cols, 'vertical')).toBe(false);
    expect(lanesOverlap(cols, 'horizontal')).toBe(true);
    expect(lanesOverlap(cols, 'none')).toBe(false);
  });

  it('a domain nested in another is not an overlap, and one domain never is', () => {
    const fw = laidOut(example(), 'LR');
    const [a, b] = fw.domains;
    const nested = { ...fw, domains: [a!, { ...b!, parentId: a!.id }, ...fw.domains.slice(2)] };
    // move every card of b into a's band: b's band now lies inside a's
    const aY = Object.values(fw.competencies).find((c) => c.domainId === a!.id)!.position.y;
    const competencies = Object.fromEntries(Object.values(fw.competencies).map((c) => [c.id, c.domainId === b!.id ? { ...c, position: { ...c.position, y: aY } } : c]));
    expect(lanesOverlap({ ...nested, competencies }, 'horizontal')).toBe(false);
    expect(lanesOverlap({ ...fw, competencies }, 'horizontal')).toBe(true); // not nested: the same bands overlap
    expect(lanesOverlap({ ...fw, domains: [a!] }, 'vertical')).toBe(false);
  });
});

describe('turning the lanes (toolbar Lanes button)', () => {
  it('says when the turned lanes overlap and what arranges the map, without moving a card', () => {
    const fw = laidOut(example(), 'LR');
    const store = createEditorStore({ framework: fw });
    expect(store.getSnapshot().session.laneOrientation).toBe('horizontal');
    cycleLanes(store);
    const s = store.getSnapshot();
    expect(s.session.laneOrientation).toBe('vertical');
    // the example is adopted, so locked: the notice says what to do first
    expect(s.session.notice?.message).toBe(
      "The domains' columns overlap: the cards are still where the last layout put them. Auto-layout (L) arranges the map in columns once the framework is unlocked.",
    );
    expect(s.doc.framework.competencies).toBe(fw.competencies);
    // off, then rows again: rows are apart, nothing to say
    cycleLanes(store);
    const seq = store.getSnapshot().session.notice?.seq;
    cycleLanes(store);
    expect(store.getSnapshot().session.laneOrientation).toBe('horizontal');
    expect(store.getSnapshot().session.notice?.seq).toBe(seq);
  });
});

describe('opening a map', () => {
  it('turns the lanes to match its layout when they would overlap as they are, and leaves them otherwise', () => {
    const rows = laidOut(example(), 'LR');
    const cols = laidOut(rows, 'TB');
    const store = createEditorStore({ framework: rows });
    store.setSession({ laneOrientation: 'vertical' });
    expect(loadText(store, serializeFramework(rows), 'rows.json', null)).toBe(true);
    expect(store.getSnapshot().session.laneOrientation).toBe('horizontal');
    expect(loadText(store, serializeFramework(cols), 'cols.json', null)).toBe(true);
    expect(store.getSnapshot().session.laneOrientation).toBe('vertical');
    expect(loadText(store, serializeFramework(cols), 'cols.json', null)).toBe(true);
    expect(store.getSnapshot().session.laneOrientation).toBe('vertical');
    // no lanes stays no lanes
    store.setSession({ laneOrientation: 'none' });
    expect(loadText(store, serializeFramework(rows), 'rows.json', null)).toBe(true);
    expect(store.getSnapshot().session.laneOrientation).toBe('none');
  });
});
