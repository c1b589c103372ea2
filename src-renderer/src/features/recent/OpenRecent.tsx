import { useEffect, useRef, useState } from 'react';
import type { HostApi, RecentDocument } from '../../../../src-core/host/contract';
import { confirmDiscard, openHanded } from '../../app/documents';
import { useEditor, useStore } from '../../store/useEditor';
import { Icon } from '../../ui/Icon';
import './recent.css';

/**
 * Open Recent for the browser build (the desktop app has it in the native File menu). Shown only when
 * the host has something to reopen: with the File System Access API the list survives reloads
 * (IndexedDB); without it there is nothing to reopen, so the button is hidden.
 */
export function OpenRecent({ host }: { host: HostApi }) {
  const store = useStore();
  const docToken = useEditor((s) => s.doc.docToken);
  const name = useEditor((s) => s.doc.name);
  const [list, setList] = useState<RecentDocument[]>([]);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // the menu pattern: opened from the keyboard the first item has the focus; arrows move, Escape closes
  const items = () => [...(listRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!open) return;
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      all[(at + (e.key === 'ArrowDown' ? 1 : -1) + all.length + (at < 0 && e.key === 'ArrowUp' ? 1 : 0)) % all.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      all[e.key === 'Home' ? 0 : all.length - 1]?.focus();
    }
  };

  useEffect(() => {
    if (host.kind !== 'browser') return;
    let live = true;
    void host.listRecent().then((l) => live && setList(l));
    return () => {
      live = false;
    };
  }, [host, docToken, name, open]);

  if (host.kind !== 'browser' || list.length === 0) return null;

  const reopen = async (r: RecentDocument) => {
    setOpen(false);
    if (!(await confirmDiscard(store))) return;
    const res = await host.openRecent({ docToken: r.docToken });
    if (!res.ok) {
      store.setSession({ banner: { text: res.error.message } });
      setList(await host.listRecent());
      return;
    }
    await openHanded(store, host, res.value);
  };

  return (
    <div className="recent-menu" onKeyDown={onKeyDown} onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <button
        type="button"
        ref={buttonRef}
        className="tb-btn tb-text"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={(e) => {
          setOpen(!open);
          // from the keyboard (Enter/Space give no pointer position) the first item takes the focus
          if (!open && e.detail === 0) requestAnimationFrame(() => items()[0]?.focus());
        }}
        title="Open a recent framework"
      >
        <span className="tb-narrow-icon" aria-hidden>
          <Icon name="open" />
        </span>
        <span className="tb-label">Recent</span> ▾
      </button>
      {open && (
        <ul className="recent-list" role="menu" aria-label="Open recent" data-testid="open-recent" ref={listRef}>
          {list.map((r) => (
            <li key={r.docToken} role="none">
              <button type="button" role="menuitem" onClick={() => void reopen(r)} title={`Opened ${new Date(r.openedAt).toLocaleString()}`}>
                {r.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
