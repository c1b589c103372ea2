import type { PanelDefinition } from '../../app/panels';
import { MetadataPanel } from './MetadataPanel';

export const panel: PanelDefinition = { id: 'details', title: 'Details', icon: 'book', order: 30, component: MetadataPanel };
