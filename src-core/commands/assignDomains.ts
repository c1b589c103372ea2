import { placeInLane, type LaneCard, type LaneOrientation } from '../layout/lanePlacement';
import type { DomainId } from '../model/ids';
import type { Framework, Position } from '../model/types';
import { base, command, refuse, type Command } from './command';
import { competencyName, plural } from './labels';

/** How `assignDomains` places the cards that change domain. */
export interface AssignDomainsOptions {
  /** The lanes drawn: a card that changes domain goes into its new domain's lane; `none` leaves every card where it is. */
  orientation: LaneOrientation;
  /**
   * Where competencies are moved to in the same step (a drag: competency id → top-left); a card that
   * changes domain is placed near here.
   */
  positions?: Readonly<Record<string, Position>>;
  /** Card size (default the canvas's, `CARD_SIZE`). */
  size?: { width: number; height: number };
}

/**
 * Moves competencies to domains (`domains`: competency id → domain id, or null for no domain) and their
 * cards into the new domains' lanes, in one undo step, with `positions` (a drag) applied too. A card
 * that changes domain is placed by `placeInLane` (layout/lanePlacement.ts): inside its new lane near
 * where it was (or was dropped), overlapping no card; past the other lanes when its domain has none
 * yet. Competencies that keep their domain only take their `positions`. Refuses an unknown domain.
 */
export function assignDomains(domains: Readonly<Record<string, string | null>>, opts: AssignDomainsOptions): Command {
  const n = Object.keys(domains).length;
  return command(
    'assignDomains',
    `move ${plural(n, 'competency', 'competencies')} to a domain`,
    (fw) => {
      const before = base(fw);
      // the draft's domains (a few): a domain added earlier in the same step (a batch) counts
      const known = new Set(fw.domains.map((d) => d.id as string));
      const changes = new Map<string, string | null>();
      let found = 0;
      for (const [id, d] of Object.entries(domains)) {
        const c = before.competencies[id];
        if (!c) continue;
        found++;
        if (d !== null && !known.has(d)) return refuse('unknown-domain', 'The chosen domain does not exist.');
        if ((c.domainId ?? null) !== d) changes.set(id, d);
      }
      if (n > 0 && found === 0) return refuse('not-found', 'That competency no longer exists.');
      const pos = new Map<string, Position>();
      for (const [id, p] of Object.entries(opts.positions ?? {})) {
        if (!before.competencies[id]) continue;
        if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return refuse('bad-position', 'A position must be a finite number.');
        pos.set(id, { x: p.x, y: p.y });
      }
      if (opts.orientation !== 'none' && changes.size > 0) {
        const dom = new Map<string, string | null>();
        // one domain after the other (in domain order, no domain last), each seeing where the others went
        const order = [...known, null];
        for (const target of order) {
          const ids = [...changes].filter(([, d]) => d === target).map(([id]) => id);
          if (!ids.length) continue;
          const cards: LaneCard[] = Object.values(before.competencies).map((c) => ({
            id: c.id,
            position: pos.get(c.id) ?? c.position,
            domainId: dom.has(c.id) ? dom.get(c.id)! : (c.domainId ?? null),
          }));
          const placed = placeInLane(cards, ids, target, { orientation: opts.orientation, size: opts.size });
          for (const [id, p] of Object.entries(placed)) pos.set(id, p);
          for (const id of ids) dom.set(id, target);
        }
      }
      for (const [id, p] of pos) {
        const c = before.competencies[id]!;
        if (c.position.x !== p.x || c.position.y !== p.y) fw.competencies[id]!.position = p;
      }
      for (const [id, d] of changes) fw.competencies[id]!.domainId = d as DomainId | null;
    },
    (before) => assignLabel(before, domains),
  );
}

/** "move SI.1 to Explain & Convince", "move 3 competencies to Explain & Convince", "move SI.1 out of its domain". */
function assignLabel(before: Framework, domains: Readonly<Record<string, string | null>>): string {
  const changed = Object.entries(domains).filter(([id, d]) => before.competencies[id] && (before.competencies[id]!.domainId ?? null) !== d);
  const list = changed.length ? changed : Object.entries(domains);
  const targets = new Set(list.map(([, d]) => d));
  const who = list.length === 1 ? competencyName(before, list[0]![0]) : plural(list.length, 'competency', 'competencies');
  if (targets.size !== 1) return `move ${who} to other domains`;
  const d = [...targets][0];
  if (d === null) return `move ${who} out of ${list.length === 1 ? 'its domain' : 'their domains'}`;
  return `move ${who} to ${before.domains.find((x) => x.id === d)?.title || 'a domain'}`;
}
