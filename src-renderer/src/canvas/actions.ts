import {
  addCompetency,
  deleteCompetencies,
  duplicateCompetencies,
  linkPrerequisite,
  moveCompetencies,
  pasteCompetencies,
  setPinned,
  unlinkPrerequisites,
} from '../../../src-core/commands';
import { competencyName, plural } from '../../../src-core/commands/labels';
import { newId, type CompetencyId, type LinkId } from '../../../src-core/model/ids';
import type { Framework, Position } from '../../../src-core/model/types';
import { batch } from '../store/batch';
import type { EditorStore } from '../store/editorStore';
import { alignPositions, type AlignMode } from './align/align';
import { canvasBridge } from './canvasBridge';
import { collapseViewCached } from './collapse/applyCollapse';
import { clipProblem, copyClip, parseClip } from './clipboard/clip';
import { NODE_H, NODE_W } from './geometry';
import { laneDomainAt } from './lanes/laneDrop';

/** Editor actions shared by the toolbar, keyboard shortcuts, canvas gestures and panels. */

function select(store: EditorStore, competencies: CompetencyId[], links: LinkId[] = []): void {
  store.setSession({ selection: { competencies, links } });
}

/** A code not used yet: C1, C2, … */
export function nextCode(fw: Framework): string {
  // one pass, remembering only codes of the form C<n> from the first candidate on (perf: every add)
  let count = 0;
  for (const _ in fw.competencies) count++;
  const used = new Set<number>();
  for (const id in fw.competencies) {
    const code = fw.competencies[id]!.code;
    if (code.length > 1 && code.charCodeAt(0) === 67 /* C */) {
      const n = Number(code.slice(1));
      if (Number.isInteger(n) && n > count && `C${n}` === code) used.add(n);
    }
  }
  let n = count + 1;
  while (used.has(n)) n++;
  return `C${n}`;
}

/** The nearest free spot at or below `p` (nodes do not land on top of each other). */
export function freeSpot(fw: Framework, p: Position): Position {
  const at = { x: Math.round(p.x), y: Math.round(p.y) };
  // only the competencies near the 60 candidate spots (10 columns × 6 rows below `p`) can be in the way
  const x0 = at.x - NODE_W;
  const x1 = at.x + 10 * (NODE_W + 40) + NODE_W;
  const y0 = at.y - NODE_H;
  const y1 = at.y + 6 * (NODE_H + 24) + NODE_H;
  const rects: Position[] = [];
  for (const id in fw.competencies) {
    const r = fw.competencies[id]!.position;
    if (r.x > x0 && r.x < x1 && r.y > y0 && r.y < y1) rects.push(r);
  }
  for (let i = 0; i < 60; i++) {
    const hit = rects.some((r) => Math.abs(r.x - at.x) < NODE_W && Math.abs(r.y - at.y) < NODE_H);
    if (!hit) return at;
    at.y += NODE_H + 24;
    if (i % 6 === 5) {
      at.x += NODE_W + 40;
      at.y = Math.round(p.y);
    }
  }
  return at;
}

/** The field focus `focusField` has asked for and not given yet (its animation frame), or null. */
let pendingField: { frame: number } | null = null;

/** Focuses an inspector field after React has rendered it (two frames on). */
export function focusField(id: string): void {
  cancelFieldFocus();
  const pending = { frame: 0 };
  pendingField = pending;
  pending.frame = requestAnimationFrame(() => {
    pending.frame = requestAnimationFrame(() => {
      if (pendingField === pending) pendingField = null;
      const el = document.getElementById(id) as HTMLInputElement | null;
      el?.focus();
      el?.select?.();
    });
  });
}

/**
 * Drops a field focus `focusField` asked for and has not given yet (Escape pressed within the two frames
 * after N); true when there was one.
 */
export function cancelFieldFocus(): boolean {
  if (!pendingField) return false;
  globalThis.cancelAnimationFrame?.(pendingField.frame);
  pendingField = null;
  return true;
}

export function createCompetency(store: EditorStore, at?: Position, init: { domainId?: string | null } = {}): CompetencyId | null {
  const fw = store.getSnapshot().doc.framework;
  const c = canvasBridge.center();
  const selected = store.getSnapshot().session.selection.competencies;
  const only = selected.length === 1 ? fw.competencies[selected[0]!] : undefined;
  const vertical = store.getSnapshot().session.laneOrientation === 'vertical';
  // Next to the selected competency (where its dependent would go), else in the middle of the view.
  const base =
    at ??
    (only
      ? vertical
        ? { x: only.position.x, y: only.position.y + NODE_H + 90 }
        : { x: only.position.x + NODE_W + 90, y: only.position.y }
      : c
        ? { x: c.x - NODE_W / 2, y: c.y - NODE_H / 2 }
        : { x: 0, y: 0 });
  const id = newId<CompetencyId>();
  const selectedDomain = store.getSnapshot().session.selection.competencies.map((s) => fw.competencies[s]?.domainId).find(Boolean);
  // In the middle of the view, inside a domain's lane: that domain's, as a double-click there gives.
  const session = store.getSnapshot().session;
  const laneDomain = !at && !only && c && init.domainId === undefined && !selectedDomain ? laneDomainAt(fw, session.laneOrientation, session.collapsedDomains, c) : null;
  const domainId = (init.domainId ?? selectedDomain ?? laneDomain ?? null) as Framework['domains'][number]['id'] | null;
  const position = freeSpot(fw, base);
  const r = store.run(addCompetency({ id, code: nextCode(fw), position, domainId }));
  if (!r.ok) {
    store.notify('error', r.error.message);
    return null;
  }
  canvasBridge.ensureVisible(position);
  select(store, [id]);
  store.setSession({ panel: 'inspector' });
  focusField('field-code');
  return id;
}

export function deleteSelection(store: EditorStore): void {
  const { competencies, links } = store.getSnapshot().session.selection;
  const fw = store.getSnapshot().doc.framework;
  const gone = new Set<string>(competencies);
  // Links attached to deleted competencies go with them; the others are unlinked in the same step.
  const loose = links.filter((id) => {
    const l = fw.prerequisites.get(id);
    return l !== undefined && !gone.has(l.from) && !gone.has(l.to);
  });
  const cmd =
    competencies.length && loose.length
      ? batch(`delete ${competencies.length === 1 ? competencyName(fw, competencies[0]!) : plural(competencies.length, 'competency', 'competencies')} and ${plural(loose.length, 'link')}`, [deleteCompetencies(competencies), unlinkPrerequisites(loose)])
      : competencies.length
        ? deleteCompetencies(competencies)
        : loose.length
          ? unlinkPrerequisites(loose)
          : null;
  if (cmd) {
    // the links that go with the deleted competencies (counted before they go)
    let attached = 0;
    if (competencies.length) for (const l of fw.prerequisites.values()) if (gone.has(l.from) || gone.has(l.to)) attached++;
    const name = competencies.length === 1 ? competencyName(fw, competencies[0]!) : '';
    const r = store.run(cmd);
    if (!r.ok) store.notify('error', r.error.message);
    // say what went (the focus moves on to another card, or several went at once, most of them off screen)
    // and how to get it back
    else if (competencies.length) {
      const links = attached + loose.length;
      const what = competencies.length === 1 ? name : `${competencies.length} competencies`;
      const back = competencies.length === 1 ? 'it' : 'them';
      store.notify('info', `Deleted ${what}${links ? ` and ${links} prerequisite link${links === 1 ? '' : 's'}` : ''}; Undo with Ctrl+Z brings ${back} back.`);
    }
  }
  select(store, []);
}

export function duplicateSelection(store: EditorStore): void {
  const ids = store.getSnapshot().session.selection.competencies;
  if (!ids.length) return;
  const pairs = ids.map((sourceId) => ({ sourceId, newId: newId<CompetencyId>() }));
  const r = store.run(duplicateCompetencies(pairs, { x: 40, y: 40 }));
  if (!r.ok) return store.notify('error', r.error.message);
  select(store, pairs.map((p) => p.newId));
}

export function selectAll(store: EditorStore): void {
  select(store, Object.keys(store.getSnapshot().doc.framework.competencies) as CompetencyId[]);
}

export function nudgeSelection(store: EditorStore, dx: number, dy: number): void {
  const fw = store.getSnapshot().doc.framework;
  const ids = store.getSnapshot().session.selection.competencies;
  if (!ids.length) return;
  const pos: Record<string, Position> = {};
  for (const id of ids) {
    const c = fw.competencies[id];
    if (c) pos[id] = { x: c.position.x + dx, y: c.position.y + dy };
  }
  store.run(moveCompetencies(pos, 'nudge'));
}

export function alignSelection(store: EditorStore, mode: AlignMode): void {
  const fw = store.getSnapshot().doc.framework;
  const pos: Record<string, Position> = {};
  for (const id of store.getSnapshot().session.selection.competencies) {
    const c = fw.competencies[id];
    if (c) pos[id] = c.position;
  }
  const next = alignPositions(pos, mode);
  if (Object.keys(next).length) store.run(moveCompetencies(next, mode.startsWith('distribute') ? 'distribute' : `align ${mode}`));
}

export function pinSelection(store: EditorStore, pinned: boolean): void {
  const ids = store.getSnapshot().session.selection.competencies;
  if (ids.length) store.run(setPinned(ids, pinned));
}

export function copySelection(store: EditorStore): string | null {
  const { doc, session } = store.getSnapshot();
  if (!session.selection.competencies.length) return null;
  return copyClip(doc.framework, session.selection.competencies);
}

/** Pastes clipboard text; returns false when it is not a competency clip. */
export function pasteText(store: EditorStore, text: string): boolean {
  const clip = parseClip(text);
  if (!clip || clip.competencies.length === 0) return false;
  const problem = clipProblem(clip);
  if (problem) {
    store.notify('error', `Could not paste: the copied competencies are not in a form this version reads (${problem}).`);
    return true;
  }
  const fw = store.getSnapshot().doc.framework;
  const map = new Map<string, CompetencyId>(clip.competencies.map((c) => [c.id, newId<CompetencyId>()]));
  // Same document: offset from the originals; another document: keep the layout, offset if occupied.
  const sameDoc = clip.competencies.some((c) => fw.competencies[c.id]);
  const offset = sameDoc ? { x: 40, y: 40 } : { x: 0, y: 0 };
  const r = store.run(pasteCompetencies(clip, offset, map, clip.phaseLabels));
  if (!r.ok) {
    store.notify('error', r.error.message);
    return true;
  }
  select(store, [...map.values()]);
  return true;
}

/** Links the selected competencies in selection order as a chain (keyboard linking). */
export function linkCompetencies(store: EditorStore, from: CompetencyId, to: CompetencyId): boolean {
  const r = store.run(linkPrerequisite({ id: newId<LinkId>(), from, to }));
  if (!r.ok) {
    store.notify('error', r.error.message);
    return false;
  }
  return true;
}

/** Selects a competency and asks the canvas to centre on it. */
export function revealCompetency(store: EditorStore, id: CompetencyId): void {
  const prev = store.getSnapshot().session.centerOn?.seq ?? 0;
  store.setSession({ selection: { competencies: [id], links: [] }, centerOn: { id, seq: prev + 1 } });
}

/** The competencies in reading order (see `readingOrder`) and each one's place in it. */
export interface ReadingOrder {
  ids: readonly string[];
  rank: ReadonlyMap<string, number>;
}

let orderCache: { competencies: Framework['competencies']; keys: string[]; positions: Position[]; order: ReadingOrder } | null = null;

/**
 * Reading order (lanes top to bottom, left to right): by y, then x, equal positions in document order.
 * Kept for the last competencies object (perf, issue 9: a Tab press on a 10,000-competency map sorted
 * them all); an edit that moved, added or removed no competency (a statement, a pin, a link) keeps the
 * order after one pass comparing ids and position objects.
 */
export function readingOrder(competencies: Framework['competencies']): ReadingOrder {
  const c = orderCache;
  if (c?.competencies === competencies) return c.order;
  const keys: string[] = [];
  const positions: Position[] = [];
  let same = c !== null;
  for (const id in competencies) {
    const p = competencies[id]!.position;
    if (same && (c!.keys[keys.length] !== id || c!.positions[keys.length] !== p)) same = false;
    keys.push(id);
    positions.push(p);
  }
  if (same && keys.length === c!.keys.length) {
    c!.competencies = competencies;
    return c!.order;
  }
  const idx = keys.map((_, i) => i).sort((a, b) => positions[a]!.y - positions[b]!.y || positions[a]!.x - positions[b]!.x || a - b);
  const ids = idx.map((i) => keys[i]!);
  const rank = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) rank.set(ids[i]!, i);
  orderCache = { competencies, keys, positions, order: { ids, rank } };
  return orderCache.order;
}

/**
 * Tab order: reading order (lanes top to bottom, left to right). Competencies inside a collapsed
 * domain are skipped, as a tree view skips the children of a collapsed branch: the walk keeps the
 * domains the user folded away folded (search, the problems panel or expanding the domain reach them).
 */
export function stepSelection(store: EditorStore, delta: 1 | -1): void {
  const { doc, session } = store.getSnapshot();
  const fw = doc.framework;
  const hidden = session.collapsedDomains.length ? collapseViewCached(fw, session.collapsedDomains).hiddenBy : null;
  const { ids, rank } = readingOrder(fw.competencies);
  const cur = session.selection.competencies[0];
  const at = cur === undefined ? undefined : rank.get(cur);
  const skip = (id: string) => id !== cur && hidden !== null && hidden.has(id);
  // the walk: every competency not hidden, and the start (selected some other way, it keeps its place)
  let hiddenCount = 0;
  if (hidden) for (const id of hidden.keys()) if (rank.has(id) && id !== cur) hiddenCount++;
  const count = ids.length - hiddenCount;
  if (!count || (count === 1 && at !== undefined && hidden?.has(cur!))) {
    if (hidden?.size) store.notify('info', 'Every competency is in a collapsed domain: expand one (Shift+C expands all) to walk its competencies.');
    return;
  }
  let next: string | undefined;
  if (at !== undefined) {
    // the next one of the walk after the start, round the end
    for (let i = 1; i <= ids.length && next === undefined; i++) {
      const id = ids[(at + delta * i + 2 * ids.length) % ids.length]!;
      if (!skip(id)) next = id;
    }
  } else {
    // no start: Tab takes the first, Shift+Tab the last but one (the walk's position −1 stepped back)
    const want = delta > 0 ? 0 : (count - 2 + count) % count;
    for (let i = 0, k = 0; i < ids.length && next === undefined; i++) {
      const id = ids[i]!;
      if (skip(id)) continue;
      if (k++ === want) next = id;
    }
  }
  revealCompetency(store, next! as CompetencyId);
}

/**
 * Whether Tab (delta 1) or Shift+Tab (-1) from the selected competency would wrap around the walk that
 * `stepSelection` makes (reading order: top to bottom, then left to right; competencies of collapsed domains
 * left out). Looks only at the competencies after (before) the selected one in the kept reading order.
 */
export function atWalkEnd(store: EditorStore, delta: 1 | -1): boolean {
  const { doc, session } = store.getSnapshot();
  const fw = doc.framework;
  const cur = session.selection.competencies[0];
  if (!cur || !fw.competencies[cur]) return false;
  const hidden = session.collapsedDomains.length ? collapseViewCached(fw, session.collapsedDomains).hiddenBy : null;
  const { ids, rank } = readingOrder(fw.competencies);
  for (let i = rank.get(cur)! + delta; i >= 0 && i < ids.length; i += delta) if (!hidden?.has(ids[i]!)) return false;
  return true;
}
