import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useDialogFocus } from '../ui/useDialogFocus';

/** A save that found the file changed (or gone) on disk since this page read or wrote it. */
export interface SaveConflict {
  /** The document's file name. */
  name: string;
  kind: 'changed' | 'removed';
  /** The host's words (what happened). */
  message: string;
  /** Whether replacing keeps what is on disk now as `<name>.bak` (the desktop app does). */
  backup?: boolean;
}

/** Replace the file with my version; save mine elsewhere (both kept); drop mine and load theirs; or do nothing for now. */
export type SaveConflictChoice = 'replace' | 'saveAs' | 'reload' | 'cancel';

let current: { conflict: SaveConflict; answer: (c: SaveConflictChoice) => void } | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Asks the user what to do about a save conflict (the dialog below shows the question). */
export function askSaveConflict(conflict: SaveConflict): Promise<SaveConflictChoice> {
  current?.answer('cancel');
  return new Promise((resolve) => {
    const asked = {
      conflict,
      answer: (c: SaveConflictChoice) => {
        if (current === asked) current = null;
        emit();
        resolve(c);
      },
    };
    current = asked;
    emit();
  });
}

/** The question of {@link askSaveConflict}, when one is asked: Replace / Save As… / Cancel (Escape). */
export function SaveConflictDialog() {
  const asked = useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => current,
    () => current,
  );
  if (!asked) return null;
  return <ConflictQuestion key={asked.conflict.name + asked.conflict.kind} conflict={asked.conflict} answer={asked.answer} />;
}

function ConflictQuestion({ conflict, answer }: { conflict: SaveConflict; answer: (c: SaveConflictChoice) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref);
  const cancel = useRef(() => answer('cancel'));
  cancel.current = () => answer('cancel');
  useEffect(() => {
    // Nothing is replaced by a stray Enter: the focus starts on Save As…, which keeps both versions.
    ref.current?.querySelector<HTMLElement>('[data-choice="saveAs"]')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      cancel.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  const removed = conflict.kind === 'removed';
  const title = removed ? `“${conflict.name}” was moved or deleted` : `“${conflict.name}” was changed by someone else`;
  return (
    <div className="overlay">
      <div className="dialog save-conflict" role="alertdialog" aria-modal="true" aria-label={title} aria-describedby="save-conflict-what" ref={ref} tabIndex={-1} data-testid="save-conflict">
        <h2>{title}</h2>
        <p id="save-conflict-what">
          {removed
            ? 'Another program moved or deleted the file after you opened it. Nothing has been saved yet.'
            : 'Another program (a colleague on a shared drive, a sync client, git) changed the file after you opened or last saved it here. Nothing has been saved yet, so their changes are still in it.'}
        </p>
        <p className="muted">
          {removed
            ? 'Save there again puts your version back where it was; Save As… saves it somewhere else; Cancel saves nothing.'
            : `Replace with mine puts your version in its place${conflict.backup ? ` (theirs is kept as “${conflict.name}.bak”)` : ''}; Save As… keeps both; Discard mine and reload drops your unsaved changes and opens theirs; Cancel saves nothing.`}
        </p>
        <div className="dialog-foot choices">
          <button className="btn" data-choice="replace" onClick={() => answer('replace')}>
            {removed ? 'Save there again' : 'Replace with mine'}
          </button>
          <button className="btn btn-primary" data-choice="saveAs" onClick={() => answer('saveAs')}>
            Save As…
          </button>
          {!removed && (
            <button className="btn" data-choice="reload" onClick={() => answer('reload')}>
              Discard mine and reload
            </button>
          )}
          <button className="btn" data-choice="cancel" onClick={() => answer('cancel')}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
