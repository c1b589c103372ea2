import type { Edge } from '@xyflow/react';
import { useMemo } from 'react';
import { useEditor } from '../../store/useEditor';
import type { FlowNode } from '../flowModel';
import { createCollapseApplier } from './applyCollapse';
import { useRevealCollapsed } from './useRevealCollapsed';

/**
 * The flow model's nodes and edges with the collapsed domains applied (see `createCollapseApplier`),
 * and the reveal of a hidden competency the user asks to see. With nothing collapsed, the very same
 * arrays come back.
 */
export function useCollapsedFlow(nodes: FlowNode[], edges: Edge[]): { nodes: FlowNode[]; edges: Edge[] } {
  const apply = useMemo(createCollapseApplier, []);
  const collapsed = useEditor((s) => s.session.collapsedDomains);
  const competencies = useEditor((s) => s.doc.framework.competencies);
  const prerequisites = useEditor((s) => s.doc.framework.prerequisites);
  const domains = useEditor((s) => s.doc.framework.domains);
  const direction = useEditor((s) => (s.session.laneOrientation === 'vertical' ? 'TB' : 'LR'));
  useRevealCollapsed();
  return useMemo(
    () => apply({ nodes, edges }, { competencies, prerequisites, domains }, collapsed, direction),
    [apply, nodes, edges, competencies, prerequisites, domains, collapsed, direction],
  );
}
