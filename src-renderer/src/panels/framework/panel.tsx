import type { PanelDefinition } from '../../app/panels';
import { FrameworkSettingsPanel } from './FrameworkSettingsPanel';

export const panel: PanelDefinition = { id: 'framework', title: 'Scale & domains', icon: 'layers', order: 20, component: FrameworkSettingsPanel };
