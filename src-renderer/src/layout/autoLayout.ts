import { moveCompetencies } from '../../../src-core/commands';
import type { LayoutNode } from '../../../src-core/layout';
import type { Position } from '../../../src-core/model/types';
import { canvasBridge } from '../canvas/canvasBridge';
import { LAYER_SEP, NODE_H, NODE_SEP, NODE_W } from '../canvas/geometry';
import type { EditorStore } from '../store/editorStore';
import { cancelLayout, requestLayout } from './layoutClient';

/** The latest auto-layout run; an older run that resolves late neither applies nor clears the running state. */
let latestRun = 0;
/** The notice that told the outcome of an earlier run (cancelled, failed), so a new run can take it down. */
let outcomeNoticeSeq: number | null = null;

function notifyOutcome(store: EditorStore, kind: 'error' | 'info', message: string): void {
  store.notify(kind, message);
  outcomeNoticeSeq = store.getSnapshot().session.notice?.seq ?? null;
}

/**
 * Auto-layout ("tidy"): prerequisites flow left → right (or top → bottom with vertical lanes), grouped
 * by domain lanes; pinned competencies keep their place. The result is one undo step. Runs in the
 * layout worker while `session.layoutRunning` is set (the toolbar then offers Cancel); a newer run
 * supersedes an older one, and {@link cancelAutoLayout} abandons it with nothing moved. A new run
 * takes down the notice of an earlier run's outcome ("cancelled", "failed"): it no longer holds.
 */
export async function autoLayout(store: EditorStore): Promise<void> {
  const { doc, session } = store.getSnapshot();
  const fw = doc.framework;
  const order = new Map<string, number>(fw.domains.map((d, i) => [d.id, i]));
  const comps = Object.values(fw.competencies).sort(
    (a, b) => (order.get(a.domainId ?? '') ?? 1e9) - (order.get(b.domainId ?? '') ?? 1e9),
  );
  if (comps.length === 0) return;
  const nodes: LayoutNode[] = comps.map((c) => ({
    id: c.id,
    width: NODE_W,
    height: NODE_H,
    group: c.domainId,
    pinned: c.pinned,
    x: c.position.x,
    y: c.position.y,
  }));
  const edges = [...fw.prerequisites.values()].map((l) => ({ from: l.from, to: l.to }));
  const lanes = session.laneOrientation !== 'none' && fw.domains.length > 0;
  const run = ++latestRun;
  const stale = outcomeNoticeSeq;
  outcomeNoticeSeq = null;
  store.setSession((s) => (stale !== null && s.notice?.seq === stale ? { layoutRunning: true, notice: null } : { layoutRunning: true }));
  try {
    const result = await requestLayout(
      { nodes, edges },
      { direction: session.laneOrientation === 'vertical' ? 'TB' : 'LR', groupBy: lanes, nodeSep: NODE_SEP, layerSep: LAYER_SEP, laneSep: lanes ? 96 : undefined },
    );
    if (!result || run !== latestRun) return;
    const positions: Record<string, Position> = {};
    for (const [id, p] of Object.entries(result.positions)) positions[id] = { x: Math.round(p.x), y: Math.round(p.y) };
    const r = store.run(moveCompetencies(positions, 'auto-layout'));
    if (!r.ok) notifyOutcome(store, 'error', r.error.message);
    else setTimeout(() => canvasBridge.fitView(), 80);
  } catch (e) {
    if (run === latestRun) notifyOutcome(store, 'error', `Auto-layout failed: ${(e as Error).message}`);
  } finally {
    if (run === latestRun) store.setSession({ layoutRunning: false });
  }
}

/** Cancels the running auto-layout (nothing moves; the UI is free at once). Returns whether one was running. */
export function cancelAutoLayout(store: EditorStore): boolean {
  if (!store.getSnapshot().session.layoutRunning) return false;
  latestRun++; // the cancelled run resolves to null and leaves the state alone
  cancelLayout();
  store.setSession({ layoutRunning: false });
  notifyOutcome(store, 'info', 'Auto-layout cancelled; nothing was moved.');
  return true;
}
