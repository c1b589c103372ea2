import type { HostApi } from '../../../src-core/host/contract';
import { useEditor, useStore } from '../store/useEditor';
import { useRef } from 'react';
import { Icon } from '../ui/Icon';
import { useFocusRescue } from '../ui/useFocusRescue';
import { ErrorBoundary } from './ErrorBoundary';
import { PANELS } from './panels';

/** The right-hand side bar: a tab per registered panel (see panels.tsx), each in its own error boundary. */
export function SidePanel({ host }: { host: HostApi }) {
  const store = useStore();
  const active = useEditor((s) => s.session.panel);
  const panels = PANELS.filter((p) => !p.available || p.available(host.kind));
  const current = panels.find((p) => p.id === active);
  const ref = useRef<HTMLElement>(null);
  useFocusRescue(ref); // Remove, Delete and Move buttons in the panels keep the keyboard in the panel
  return (
    <aside className={`sidebar${current ? '' : ' is-collapsed'}`} aria-label="Side panels" ref={ref}>
      <nav className="side-tabs" role="tablist" aria-orientation="vertical" aria-label="Panels" onKeyDown={(e) => {
        // The tab list is one stop for Tab (then on into the open panel); the arrows, Home and End move between
        // the tabs and open the one they reach.
        const i = panels.findIndex((p) => p.id === active);
        const to = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? panels.length - 1 : null;
        if (to === null) return;
        e.preventDefault();
        const next = panels[(to + panels.length) % panels.length]!;
        store.setSession({ panel: next.id });
        (e.currentTarget.querySelector(`[data-panel="${next.id}"]`) as HTMLElement | null)?.focus();
      }}>
        {panels.map((p, i) => (
          <button
            key={p.id}
            role="tab"
            data-panel={p.id}
            tabIndex={p.id === active || (!current && i === 0) ? 0 : -1}
            aria-selected={p.id === active}
            className={`side-tab${p.id === active ? ' is-active' : ''}`}
            onClick={() => store.setSession({ panel: p.id === active ? null : p.id })}
            title={p.id === active ? `${p.title} — click to hide the side panel (click a tab to show it again)` : p.title}
          >
            <Icon name={p.icon} size={18} />
            <span>{p.title}</span>
          </button>
        ))}
      </nav>
      {current && (
        <section className="side-content" role="tabpanel" aria-label={current.title}>
          <ErrorBoundary key={current.id} what={`the ${current.title} panel`}>
            <current.component />
          </ErrorBoundary>
        </section>
      )}
    </aside>
  );
}
