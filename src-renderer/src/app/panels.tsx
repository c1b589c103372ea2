import type { ComponentType } from 'react';
import type { IconName } from '../ui/Icon';

/**
 * Side-panel registry. A panel is a folder with a `panel.tsx` that exports `panel`:
 *
 * ```ts
 * // src-renderer/src/panels/coverage/panel.tsx
 * export const panel: PanelDefinition = { id: 'coverage', title: 'Coverage', icon: 'check', order: 40, component: CoveragePanel };
 * ```
 *
 * Every `src-renderer/src/**\/panel.tsx` is discovered at build time, so adding a panel touches no
 * shared file. Panels read the editor with `useEditor` / `useStore` and edit only through commands.
 */
export interface PanelDefinition {
  /** Stable id, also used in `session.panel`. */
  id: string;
  /** Tab label. */
  title: string;
  icon: IconName;
  /** Tab order (inspector 10, framework 20, details 30; others pick their own). */
  order: number;
  component: ComponentType;
  /** Hidden in some hosts (e.g. desktop-only panels in the browser build). */
  available?: (hostKind: 'electron' | 'browser' | 'memory') => boolean;
}

const modules = import.meta.glob<{ panel?: PanelDefinition }>('../**/panel.tsx', { eager: true });

/** All registered panels, in tab order. */
export const PANELS: readonly PanelDefinition[] = Object.values(modules)
  .map((m) => m.panel)
  .filter((p): p is PanelDefinition => !!p)
  .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
