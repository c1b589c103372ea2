import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateFramework } from '../../src-core/checks';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import type { LinkId } from '../../src-core/model/ids';
import { setCanvasBridge } from '../../src-renderer/src/canvas/canvasBridge';
import { showProblem } from '../../src-renderer/src/panels/problems/ProblemsPanel';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

// A problem about a link (a duplicate link between two competencies far apart on a big map) shows both
// ends: the view fits them together, instead of centring the first and leaving the other off screen.
function setup() {
  const fw = createFramework();
  const a = createCompetency({ code: 'A', position: { x: 0, y: 0 } });
  const b = createCompetency({ code: 'B', position: { x: 6000, y: 3000 } });
  const c = createCompetency({ code: 'C', position: { x: 300, y: 0 } });
  for (const k of [a, b, c]) fw.competencies[k.id] = k;
  fw.prerequisites.set('l1', { id: 'l1' as LinkId, from: a.id, to: b.id, note: '' });
  fw.prerequisites.set('l2', { id: 'l2' as LinkId, from: a.id, to: b.id, note: '' });
  return { fw, a, b, c, store: createEditorStore({ framework: fw }) };
}

describe('showing a problem on the map', () => {
  const fitTo = vi.fn();
  beforeEach(() => {
    vi.useFakeTimers();
    fitTo.mockReset();
    setCanvasBridge({ center: () => null, fitView: () => {}, zoomIn: () => {}, zoomOut: () => {}, ensureVisible: () => {}, fitTo });
  });
  afterEach(() => {
    vi.useRealTimers();
    setCanvasBridge(null);
  });

  it('fits both ends of a duplicate link in view, with the links selected', () => {
    const { fw, a, b, store } = setup();
    const d = validateFramework(fw).diagnostics.find((x) => x.code === 'duplicate-link')!;
    showProblem(store, d);
    vi.runAllTimers();
    expect(fitTo).toHaveBeenCalledTimes(1);
    expect(new Set(fitTo.mock.calls[0]![0])).toEqual(new Set([a.id, b.id]));
    expect(store.getSnapshot().session.selection.links).toEqual(['l1', 'l2']);
  });

  it('centres a problem about one competency on it, as before', () => {
    const { fw, c, store } = setup();
    const d = validateFramework(fw).diagnostics.find((x) => x.ids.length === 1 && x.ids[0] === c.id)!;
    showProblem(store, d);
    vi.runAllTimers();
    expect(fitTo).not.toHaveBeenCalled();
    expect(store.getSnapshot().session.centerOn?.id).toBe(c.id);
  });
});
