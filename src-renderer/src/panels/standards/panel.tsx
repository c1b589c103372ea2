import type { PanelDefinition } from '../../app/panels';
import { StandardsPanel } from './StandardsPanel';

/** Registers the Standards browser in the side bar (discovered by app/panels.tsx). */
export const panel: PanelDefinition = { id: 'standards', title: 'Standards', icon: 'book', order: 40, component: StandardsPanel };
