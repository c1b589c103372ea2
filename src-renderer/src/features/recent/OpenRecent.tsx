import { useEffect, useState } from 'react';
import type { HostApi, RecentDocument } from '../../../../src-core/host/contract';
import { confirmDiscard, openHanded } from '../../app/documents';
import { useEditor, useStore } from '../../store/useEditor';
import { Icon } from '../../ui/Icon';
import { useMenu } from '../../ui/useMenu';
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
  const { open, setOpen, buttonRef, listRef, onKeyDown, onBlur, onButtonClick } = useMenu();

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
    <div className="recent-menu" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        type="button"
        ref={buttonRef}
        className="tb-btn tb-text"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={onButtonClick}
        title="Open a recent framework"
      >
        <span className="tb-narrow-icon" aria-hidden>
          <Icon name="open" />
        </span>
        <span className="tb-label">Recent</span>
        <span className="tb-caret"> ▾</span>
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
