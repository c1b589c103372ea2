import type { PanelDefinition } from '../../app/panels';
import { LearnersPanel } from './LearnersPanel';

/** Registers the Learners panel in the side bar (discovered by app/panels.tsx). */
export const panel: PanelDefinition = {
  id: 'learners',
  title: 'Learners',
  icon: 'arrowRight',
  order: 60,
  component: LearnersPanel,
};
