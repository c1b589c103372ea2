import type { PanelDefinition } from '../../app/panels';
import { ProblemsPanel } from './ProblemsPanel';

/** Registers the Problems panel in the side bar (discovered by app/panels.tsx). */
export const panel: PanelDefinition = { id: 'problems', title: 'Problems', icon: 'warning', order: 35, component: ProblemsPanel };
