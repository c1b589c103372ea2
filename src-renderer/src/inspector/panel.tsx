import type { PanelDefinition } from '../app/panels';
import { Inspector } from './Inspector';

export const panel: PanelDefinition = { id: 'inspector', title: 'Inspector', icon: 'info', order: 10, component: Inspector };
