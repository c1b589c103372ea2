import { competencyName } from '../../../src-core/commands/labels';
import type { CompetencyId } from '../../../src-core/model/ids';
import type { Framework } from '../../../src-core/model/types';
import type { EditorStore } from '../store/editorStore';
import { linkCompetencies, revealCompetency, stepSelection } from './actions';
import { collapseViewCached } from './collapse/applyCollapse';
import { nearestInDirection, type Direction } from './focus/spatial';

/**
 * "Link from here", the keyboard's way to draw a prerequisite link on the map: K on a focused card marks it
 * as the prerequisite (the start of the link), the user moves on with Tab (the reading order) or the arrow
 * keys (to the nearest card that way on the map), and
 * Enter on another card links prerequisite → dependent through the same command as the inspector and a
 * dragged link (a cycle, a duplicate are refused with the same message). One link, one undo step.
 * While linking, the canvas shows and a polite live region says what to do (LinkModeBar).
 */

/** What the live region says while linking from `from`. */
export function linkingInstruction(fw: Framework, from: string): string {
  const name = competencyName(fw, from);
  return `Linking from ${name}: move to the competency that requires ${name} (Tab or the arrow keys) and press Enter; Escape cancels.`;
}

/** Starts linking from `from` (K on its card). */
export function startLinking(store: EditorStore, from: CompetencyId): void {
  if (!store.getSnapshot().doc.framework.competencies[from]) return;
  store.setSession({ linking: { from } });
}

const SIDE: Readonly<Record<Direction, string>> = { left: 'to the left of', right: 'to the right of', up: 'above', down: 'below' };

/**
 * An arrow key while linking: to the nearest card that way on the map (`nearestInDirection`; cards in a
 * collapsed domain are skipped, as Tab skips them). Nothing that way: said, and the focus stays. With no
 * card selected (the selection was cleared), the arrows walk the Tab order as before.
 */
export function stepWhileLinking(store: EditorStore, dir: Direction): void {
  const { doc, session } = store.getSnapshot();
  const fw = doc.framework;
  const cur = session.selection.competencies[0];
  if (cur === undefined || !fw.competencies[cur]) return stepSelection(store, dir === 'right' || dir === 'down' ? 1 : -1);
  const hidden = session.collapsedDomains.length ? collapseViewCached(fw, session.collapsedDomains).hiddenBy : null;
  const next = nearestInDirection(fw.competencies, cur, dir, hidden);
  if (next === undefined) return store.notify('info', `No competency ${SIDE[dir]} ${competencyName(fw, cur)} on the map.`);
  revealCompetency(store, next as CompetencyId);
}

/** Stops linking without a link (Escape, K again on the start). */
export function cancelLinking(store: EditorStore): void {
  if (!store.getSnapshot().session.linking) return;
  store.setSession({ linking: null });
  store.notify('info', 'Linking cancelled: no link was made.');
}

/**
 * Enter on `to` while linking: links the start → `to` and stops linking (true). A refused link (a cycle, a
 * link there already) is explained as everywhere else and linking goes on, so another card can be chosen;
 * Enter on the start itself says to move first.
 */
export function finishLinking(store: EditorStore, to: CompetencyId): boolean {
  const { doc, session } = store.getSnapshot();
  const from = session.linking?.from;
  if (!from) return false;
  const fw = doc.framework;
  if (to === from) {
    store.notify('info', `This is ${competencyName(fw, from)} itself: move to the competency that requires it (Tab), then press Enter. Escape cancels.`);
    return false;
  }
  if (!linkCompetencies(store, from, to)) return false;
  store.setSession({ linking: null, selection: { competencies: [to], links: [] } });
  const a = competencyName(fw, from);
  const b = competencyName(fw, to);
  store.notify('info', `Linked ${a} → ${b}: ${b} now requires ${a}. Undo with Ctrl+Z.`);
  return true;
}
