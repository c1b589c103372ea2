import type { DomainId } from '../../../../src-core/model/ids';
import type { Domain, Framework } from '../../../../src-core/model/types';
import { collapsedRoots, revealCompetencies, topLevelDomains } from '../../../../src-core/view/collapse';
import type { EditorStore } from '../../store/editorStore';
import { canvasBridge } from '../canvasBridge';
import { COLLAPSED_H, COLLAPSED_W, collapseViewCached } from './applyCollapse';

/**
 * Collapsing and expanding domains: session state only (`collapsedDomains`), so none of it is an
 * undo step, marks the document dirty or is saved.
 */

/** Whether a domain is drawn collapsed: it, or a domain it is nested in, is collapsed. */
export function isDomainCollapsed(domains: readonly Domain[], collapsed: readonly string[], domainId: string): boolean {
  if (!collapsed.length) return false;
  const seen = new Set<string>();
  for (let d = domains.find((x) => x.id === domainId); d && !seen.has(d.id); d = d.parentId ? domains.find((x) => x.id === d!.parentId) : undefined) {
    if (collapsed.includes(d.id)) return true;
    seen.add(d.id);
  }
  return false;
}

/** Sets the collapsed domains; competencies that become hidden leave the selection (no invisible edits). */
function setCollapsed(store: EditorStore, next: DomainId[]): void {
  const { doc, session } = store.getSnapshot();
  const roots = collapsedRoots(doc.framework.domains, next);
  const fw = doc.framework;
  const hidden = (id: string) => {
    const d = fw.competencies[id]?.domainId;
    return !!d && roots.has(d);
  };
  const sel = session.selection;
  const competencies = sel.competencies.filter((id) => !hidden(id));
  const links = sel.links.filter((id) => {
    const l = fw.prerequisites.get(id);
    return !l || (!hidden(l.from) && !hidden(l.to));
  });
  const selection = competencies.length === sel.competencies.length && links.length === sel.links.length ? sel : { competencies, links };
  const focus = session.focus && hidden(session.focus.id) ? null : session.focus;
  store.setSession({ collapsedDomains: next, selection, focus });
}

/** Collapses domains into one node each (nested domains go with them). */
export function collapseDomains(store: EditorStore, ids: readonly DomainId[]): void {
  const cur = store.getSnapshot().session.collapsedDomains;
  const add = ids.filter((id) => !cur.includes(id));
  if (add.length) setCollapsed(store, [...cur, ...add]);
}

/** Shows a domain's competencies again: expands it and every domain it is nested in. */
export function expandDomain(store: EditorStore, id: DomainId): void {
  const { doc, session } = store.getSnapshot();
  const byId = new Map(doc.framework.domains.map((d) => [d.id as string, d]));
  const drop = new Set<string>();
  for (let d = byId.get(id); d && !drop.has(d.id); d = d.parentId ? byId.get(d.parentId) : undefined) drop.add(d.id);
  drop.add(id);
  const next = session.collapsedDomains.filter((x) => !drop.has(x));
  if (next.length !== session.collapsedDomains.length) store.setSession({ collapsedDomains: next });
}

/** Collapses a domain, or expands it when it is drawn collapsed. */
export function toggleDomain(store: EditorStore, id: DomainId): void {
  const { doc, session } = store.getSnapshot();
  if (isDomainCollapsed(doc.framework.domains, session.collapsedDomains, id)) expandDomain(store, id);
  else {
    collapseDomains(store, [id]);
    showCollapsed(store, [id]);
  }
}

/**
 * Pans (only if needed, keeping the zoom) so the node of the first of these just-collapsed domains is
 * in view: it sits at the middle of its competencies, which can be far from the one the user was
 * looking at, and collapsing must not leave an empty screen.
 */
function showCollapsed(store: EditorStore, ids: readonly DomainId[]): void {
  const { doc, session } = store.getSnapshot();
  const groups = collapseViewCached(doc.framework, session.collapsedDomains).groups;
  for (const id of ids) {
    const g = groups.find((x) => x.domainId === id || x.domainIds.includes(id));
    if (g) return canvasBridge.ensureVisible(g.position, { width: COLLAPSED_W, height: COLLAPSED_H });
  }
}

/**
 * Shows only one domain: every other domain is collapsed, except the ones it is nested in (expanded, so
 * it shows) and the ones nested in it. Domains nested beside it are collapsed one by one.
 */
export function soloDomain(store: EditorStore, id: DomainId): void {
  const fw = store.getSnapshot().doc.framework;
  const byId = new Map(fw.domains.map((d) => [d.id as string, d]));
  const keep = new Set<string>();
  for (let d = byId.get(id); d && !keep.has(d.id); d = d.parentId ? byId.get(d.parentId) : undefined) keep.add(d.id);
  const inside = (d: Domain): boolean => {
    const seen = new Set<string>();
    for (let x: Domain | undefined = d; x && !seen.has(x.id); x = x.parentId ? byId.get(x.parentId) : undefined) {
      if (x.id === id) return true;
      seen.add(x.id);
    }
    return false;
  };
  setCollapsed(store, fw.domains.filter((d) => !keep.has(d.id) && !inside(d)).map((d) => d.id));
}

/** Domains with competencies (in them or nested in them): the ones worth collapsing. */
function populatedTopLevel(fw: Framework): DomainId[] {
  const top = topLevelDomains(fw.domains);
  const roots = collapsedRoots(fw.domains, top);
  const used = new Set<string>();
  for (const c of Object.values(fw.competencies)) {
    const r = c.domainId ? roots.get(c.domainId) : undefined;
    if (r) used.add(r);
  }
  return top.filter((id) => used.has(id));
}

/** Collapses every top-level domain that has competencies. */
export function collapseAll(store: EditorStore): void {
  setCollapsed(store, populatedTopLevel(store.getSnapshot().doc.framework));
}

/** Expands every domain. */
export function expandAll(store: EditorStore): void {
  if (store.getSnapshot().session.collapsedDomains.length) store.setSession({ collapsedDomains: [] });
}

/** True when at least one domain with competencies is drawn collapsed. */
export function anyCollapsed(fw: Framework, collapsed: readonly string[]): boolean {
  if (!collapsed.length) return false;
  const roots = collapsedRoots(fw.domains, collapsed);
  return Object.values(fw.competencies).some((c) => !!c.domainId && roots.has(c.domainId));
}

/**
 * Keyboard: C collapses the domains of the selected competencies; Shift+C collapses every domain, or
 * expands them all when some are collapsed.
 */
export function collapseShortcut(store: EditorStore, all: boolean): void {
  const { doc, session } = store.getSnapshot();
  if (all) {
    if (anyCollapsed(doc.framework, session.collapsedDomains)) expandAll(store);
    else collapseAll(store);
    return;
  }
  const ids = [...new Set(session.selection.competencies.map((id) => doc.framework.competencies[id]?.domainId).filter((d): d is DomainId => !!d))];
  if (ids.length) {
    collapseDomains(store, ids);
    showCollapsed(store, ids);
  } else store.notify('info', 'Select a competency in a domain and press C to collapse its domain (Shift+C collapses or expands all domains).');
}

/**
 * Makes competencies visible: expands the collapsed domains that hide them (search, problems panel
 * and link jumps must never lead to something invisible). No-op when none is hidden.
 */
export function revealHidden(store: EditorStore, competencyIds: Iterable<string>): void {
  const { doc, session } = store.getSnapshot();
  const next = revealCompetencies(doc.framework, session.collapsedDomains, competencyIds);
  if (next !== session.collapsedDomains) store.setSession({ collapsedDomains: [...next] });
}

/**
 * Which domains were collapsed in each document during this session (never saved): opening a
 * document again (or reloading it) brings back how it was folded. `observe` is told the open
 * framework and its collapsed domains after every change; it returns the domains to collapse when a
 * document was just (re)opened with nothing collapsed and had some collapsed before, else null.
 */
export function createCollapseMemory() {
  const memory = new Map<string, readonly DomainId[]>();
  let current: string | null = null;
  return {
    observe(frameworkId: string, domainIds: readonly string[], collapsed: readonly DomainId[]): DomainId[] | null {
      const switched = current !== frameworkId;
      current = frameworkId;
      if (switched && collapsed.length === 0) {
        const known = new Set(domainIds);
        const saved = (memory.get(frameworkId) ?? []).filter((id) => known.has(id));
        if (saved.length) return saved;
      }
      memory.set(frameworkId, collapsed);
      return null;
    },
  };
}
