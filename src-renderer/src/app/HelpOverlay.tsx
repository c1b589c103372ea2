import { useRef } from 'react';
import { useEditor, useStore } from '../store/useEditor';
import { Icon } from '../ui/Icon';
import { useDialogFocus } from '../ui/useDialogFocus';
import { keyLabel, SHORTCUTS } from './shortcuts';

/** Lists every keyboard shortcut (press ?). */
export function HelpOverlay({ mac, browser }: { mac: boolean; browser: boolean }) {
  const store = useStore();
  const open = useEditor((s) => s.session.helpOpen);
  if (!open) return null;
  return <HelpDialog mac={mac} browser={browser} close={() => store.setSession({ helpOpen: false })} />;
}

function HelpDialog({ mac, browser, close }: { mac: boolean; browser: boolean; close: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref);
  // Browsers keep Ctrl/Cmd+N for a new window; the toolbar's New button does it there.
  const shortcuts = browser ? SHORTCUTS.filter((s) => s.keys[0] !== 'Mod+N') : SHORTCUTS;
  const groups = [...new Set(shortcuts.map((s) => s.group))];
  return (
    <div className="overlay" onClick={close}>
      <div className="dialog help" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" ref={ref} onClick={(e) => e.stopPropagation()}>
        <div className="dialog-head">
          <h2>Keyboard shortcuts</h2>
          <button className="icon-btn" onClick={close} aria-label="Close" autoFocus>
            <Icon name="close" />
          </button>
        </div>
        <div className="help-grid">
          {groups.map((g) => (
            <section key={g}>
              <h3>{g}</h3>
              <dl>
                {shortcuts.filter((s) => s.group === g).map((s) => (
                  <div key={s.label} className="help-row">
                    <dt>
                      {s.keys.map((k) => (
                        <kbd key={k}>{keyLabel(k, mac)}</kbd>
                      ))}
                    </dt>
                    <dd>{s.label}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
