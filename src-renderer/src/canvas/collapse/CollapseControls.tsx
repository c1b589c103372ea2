import type { DomainId } from '../../../../src-core/model/ids';
import { useEditor, useStore } from '../../store/useEditor';
import { anyCollapsed, collapseAll, expandAll, isDomainCollapsed, soloDomain, toggleDomain } from './collapseActions';
import './collapse.css';

/** ▸ (collapsed: press to expand) or ▾ (expanded: press to collapse). */
export function Chevron({ collapsed, size = 12 }: { collapsed: boolean; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.4} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d={collapsed ? 'M9 6l6 6-6 6' : 'M6 9l6 6 6-6'} />
    </svg>
  );
}

/**
 * "Collapse domain X" / "Expand domain X": in a lane header and in the domains panel. A domain nested
 * in a collapsed one reads as collapsed; expanding it expands its parents too.
 */
export function CollapseToggle({
  domainId,
  title,
  className = '',
  disabled = false,
  tabIndex,
  onFocus,
}: {
  domainId: string;
  title: string;
  className?: string;
  disabled?: boolean;
  /** For a roving Tab stop (the lane headers: one Tab stop, arrow keys between them). */
  tabIndex?: number;
  onFocus?: (domainId: string) => void;
}) {
  const store = useStore();
  const collapsed = useEditor((s) => isDomainCollapsed(s.doc.framework.domains, s.session.collapsedDomains, domainId));
  return (
    <button
      type="button"
      className={`collapse-btn nodrag ${className}`}
      aria-label={`${collapsed ? 'Expand' : 'Collapse'} domain ${title}`}
      aria-expanded={!collapsed}
      disabled={disabled && !collapsed}
      tabIndex={tabIndex}
      onFocus={onFocus ? () => onFocus(domainId) : undefined}
      title={`${collapsed ? 'Expand: show its competencies' : 'Collapse into one node (a view setting; C on a selected competency)'} · Alt+click: show only this domain`}
      onClick={(e) => {
        e.stopPropagation();
        if (e.altKey) soloDomain(store, domainId as DomainId);
        else toggleDomain(store, domainId as DomainId);
      }}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      <Chevron collapsed={collapsed} />
    </button>
  );
}

/** "Collapse all" / "Expand all" (Shift+C). */
export function CollapseAllButtons() {
  const store = useStore();
  const some = useEditor((s) => anyCollapsed(s.doc.framework, s.session.collapsedDomains));
  const hasDomains = useEditor((s) => s.doc.framework.domains.length > 0);
  if (!hasDomains) return null;
  return (
    <div className="collapse-all" role="group" aria-label="Collapse domains">
      <button type="button" className="btn btn-small" onClick={() => collapseAll(store)} title="Draw every domain as one node (Shift+C)">
        <Chevron collapsed size={12} /> Collapse all
      </button>
      <button type="button" className="btn btn-small" onClick={() => expandAll(store)} disabled={!some} title="Show every competency again (Shift+C)">
        <Chevron collapsed={false} size={12} /> Expand all
      </button>
    </div>
  );
}
