import type { PanelDefinition } from '../../app/panels';
import { CoveragePanel } from './CoveragePanel';

/** Registers the Coverage view in the side bar (discovered by app/panels.tsx). */
export const panel: PanelDefinition = { id: 'coverage', title: 'Coverage', icon: 'check', order: 45, component: CoveragePanel };
