import type { CompetencyId, DomainId, LinkId } from '../../../src-core/model/ids';
import type { Position } from '../../../src-core/model/types';

/** Lanes drawn behind the canvas: one band per domain, or none (core's type: lanes are placed there too). */
export type { LaneOrientation } from '../../../src-core/layout/lanePlacement';
import type { LaneOrientation } from '../../../src-core/layout/lanePlacement';

/** A transient message (toast) shown above the canvas. `seq` makes repeated messages distinct. */
export interface Notice {
  kind: 'error' | 'info';
  message: string;
  seq: number;
}

/** One problem listed under a banner: where it is in words, and its JSON pointer when it has one. */
export interface BannerProblem {
  text: string;
  path?: string;
}

/** The persistent error banner: its message and, optionally, every problem behind it (see app/BannerProblems.tsx). */
export interface Banner {
  text: string;
  problems?: BannerProblem[];
}

/**
 * Session state: what the user is looking at, never saved and never undone. Changing it does not
 * touch the document's history (so selecting after an undo keeps redo available).
 */
export interface SessionState {
  selection: { competencies: CompetencyId[]; links: LinkId[] };
  /** Focus mode: show a competency with `depth` levels of prerequisites and dependents, dim the rest. */
  focus: { id: CompetencyId; depth: number } | null;
  search: { open: boolean; query: string };
  laneOrientation: LaneOrientation;
  /**
   * Positions of nodes being dragged, as the flow model takes them. The canvas keeps its gesture out
   * of the store (canvas/drag/liveDrag.ts: no store round trip per pointer move) and commits one
   * command at drag end, so in the editor store this stays null.
   */
  dragPositions: Record<string, Position> | null;
  /** Id of the open side panel (see app/panels.tsx), or null when the side bar is collapsed. */
  panel: string | null;
  /** A request to centre the view on a competency; `seq` lets the same one be requested again. */
  centerOn: { id: CompetencyId; seq: number } | null;
  notice: Notice | null;
  /**
   * A load/save error shown in a banner until dismissed, with the problems behind it when there are
   * several (a file that breaks the schema). One value: a new banner replaces its problems too.
   */
  banner: Banner | null;
  helpOpen: boolean;
  layoutRunning: boolean;
  /** Colour theme: follow the system, or forced light / dark (persisted as a setting by the app). */
  theme: 'system' | 'light' | 'dark';
  /**
   * The user unlocked an adopted/deprecated framework for editing (see store/lock.ts). Session only:
   * reset when a document is loaded and when the status becomes adopted/deprecated again.
   */
  editUnlocked: boolean;
  /**
   * Domains collapsed into one node on the canvas (see canvas/collapse/): a view state, never saved and
   * never undone; nested domains collapse with their parent. Reset when a document is loaded.
   */
  collapsedDomains: DomainId[];
  /**
   * "Link from here" (K on a focused card, canvas/linkFromHere.ts): `from` becomes a prerequisite of the
   * competency the user moves to and presses Enter on. Null when not linking; dropped when `from` goes.
   */
  linking: { from: CompetencyId } | null;
}

export function initialSession(): SessionState {
  return {
    selection: { competencies: [], links: [] },
    focus: null,
    search: { open: false, query: '' },
    laneOrientation: 'horizontal',
    dragPositions: null,
    panel: 'inspector',
    centerOn: null,
    notice: null,
    banner: null,
    helpOpen: false,
    layoutRunning: false,
    theme: 'system',
    editUnlocked: false,
    collapsedDomains: [],
    linking: null,
  };
}
