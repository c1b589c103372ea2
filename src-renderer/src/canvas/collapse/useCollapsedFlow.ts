import type { Edge } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { useEditor, useStore } from '../../store/useEditor';
import type { FlowNode } from '../flowModel';
import { createCollapseApplier } from './applyCollapse';
import { createCollapseMemory } from './collapseActions';
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
  useRememberCollapsed();
  return useMemo(
    () => apply({ nodes, edges }, { competencies, prerequisites, domains }, collapsed, direction),
    [apply, nodes, edges, competencies, prerequisites, domains, collapsed, direction],
  );
}

/** One memory for the renderer's lifetime: a session, never saved. */
const memory = createCollapseMemory();

/** Brings back a document's collapsed domains when it is opened again in the same session. */
function useRememberCollapsed(): void {
  const store = useStore();
  const id = useEditor((s) => s.doc.framework.id);
  const collapsed = useEditor((s) => s.session.collapsedDomains);
  useEffect(() => {
    const fw = store.getSnapshot().doc.framework;
    const restore = memory.observe(id, fw.domains.map((d) => d.id), collapsed);
    if (restore) store.setSession({ collapsedDomains: restore });
  }, [id, collapsed, store]);
}
