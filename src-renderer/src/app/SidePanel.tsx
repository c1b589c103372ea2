import type { HostApi } from '../../../src-core/host/contract';
import { useEditor, useStore } from '../store/useEditor';
import { Icon } from '../ui/Icon';
import { ErrorBoundary } from './ErrorBoundary';
import { PANELS } from './panels';

/** The right-hand side bar: a tab per registered panel (see panels.tsx), each in its own error boundary. */
export function SidePanel({ host }: { host: HostApi }) {
  const store = useStore();
  const active = useEditor((s) => s.session.panel);
  const panels = PANELS.filter((p) => !p.available || p.available(host.kind));
  const current = panels.find((p) => p.id === active);
  return (
    <aside className={`sidebar${current ? '' : ' is-collapsed'}`} aria-label="Side panels">
      <nav className="side-tabs" role="tablist" aria-orientation="vertical">
        {panels.map((p) => (
          <button
            key={p.id}
            role="tab"
            aria-selected={p.id === active}
            className={`side-tab${p.id === active ? ' is-active' : ''}`}
            onClick={() => store.setSession({ panel: p.id === active ? null : p.id })}
            title={p.title}
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
