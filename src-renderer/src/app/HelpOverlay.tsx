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
  return <HelpDialog mac={mac} browser={browser} close={() => store.setSession({ helpOpen: false })} open={(panel) => store.setSession({ helpOpen: false, panel })} />;
}

/** Where each kind of user starts, with the side panel that does it (the first thing a newcomer needs). */
const START: { who: string; what: string; panel: string; button: string }[] = [
  {
    who: 'Teachers',
    what: 'See where each student stands and what is ready next: Learners ▸ Import progress… (a CSV with learner, competency, phase and date columns, or a progress file), or add a learner and record what they showed. Student view prints a learner’s map in “I can” language.',
    panel: 'learners',
    button: 'Open Learners',
  },
  {
    who: 'Students',
    what: 'Ask your teacher to pick you in Learners, then open Student view: what you have mastered, your next steps, and what each phase looks like.',
    panel: 'learners',
    button: 'Open Learners',
  },
  {
    who: 'Designing together',
    what: 'Add a competency (N, or double-click the map), write its “I can”, evidence and indicators in the Inspector, and drag from a card’s right edge to link what it unlocks (from the keyboard: K on the card, then Enter on the competency that requires it). An adopted framework is locked: Unlock (over the map) starts a new draft of it, or corrects the adopted version. Comments and the review status are under Learners ▸ Review.',
    panel: 'inspector',
    button: 'Open Inspector',
  },
  {
    who: 'Before publishing',
    what: 'Problems lists what to fix (cycles, missing indicators); Coverage shows the standards nothing covers.',
    panel: 'problems',
    button: 'Open Problems',
  },
];

function HelpDialog({ mac, browser, close, open }: { mac: boolean; browser: boolean; close: () => void; open: (panel: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref);
  // Browsers keep Ctrl/Cmd+N for a new window; the toolbar's New button does it there.
  const shortcuts = browser ? SHORTCUTS.filter((s) => s.keys[0] !== 'Mod+N') : SHORTCUTS;
  const groups = [...new Set(shortcuts.map((s) => s.group))];
  return (
    <div className="overlay" onClick={close}>
      <div className="dialog help" role="dialog" aria-modal="true" aria-label="Help and keyboard shortcuts" ref={ref} onClick={(e) => e.stopPropagation()}>
        <div className="dialog-head">
          <h2>Help</h2>
          <button className="icon-btn" onClick={close} aria-label="Close" autoFocus>
            <Icon name="close" />
          </button>
        </div>
        <section className="help-start" aria-labelledby="help-start-h">
          <h3 id="help-start-h">Where to start</h3>
          <dl>
            {START.map((x) => (
              <div key={x.who} className="help-start-row">
                <dt>{x.who}</dt>
                <dd>
                  {x.what}{' '}
                  <button type="button" className="btn help-start-go" onClick={() => open(x.panel)} aria-label={`${x.button} (${x.who.toLowerCase()})`}>
                    {x.button}
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        </section>
        <h3 className="help-keys-h">Keyboard shortcuts</h3>
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
