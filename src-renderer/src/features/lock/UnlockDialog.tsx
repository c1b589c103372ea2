import { nextVersion, startNewDraft } from '../../../../src-core/commands/framework';
import { Modal } from '../../dialogs/Modal';
import { useEditor, useStore } from '../../store/useEditor';

/** The map's first Tab stop (a lane header's chevron, else a card). */
const MAP_FOCUS = '[data-testid="canvas"] button, [data-testid="canvas"] [tabindex="0"]';

/**
 * What Unlock asks of an adopted (or deprecated) framework: start its next version as a draft — the
 * recommended way to change a published framework — or correct the adopted version itself (a typo),
 * which then stays adopted under the same version number.
 */
export function UnlockDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const fw = useEditor((s) => s.doc.framework);
  const status = fw.status === 'deprecated' ? 'deprecated' : 'adopted';
  const version = fw.version.trim();
  const next = nextVersion(fw.version);
  const named = version ? `version ${version}` : 'this version';
  const startDraft = () => {
    const r = store.run(startNewDraft());
    if (r.ok) {
      store.notify(
        'info',
        next
          ? `New draft, version ${next}: edit freely, then save it under another name (Save As) to keep the ${status} file as it is.`
          : `New draft: set its new version in Details, then save it under another name (Save As) to keep the ${status} file as it is.`,
      );
    }
    onClose();
    // The Unlock button that opened the dialog is gone with the lock: the keyboard focus goes to the map.
    if (r.ok) requestAnimationFrame(() => document.querySelector<HTMLElement>(MAP_FOCUS)?.focus());
  };
  const correct = () => {
    store.unlock();
    onClose();
    // Unlock became "Lock again" on the badge: the focus goes there, where it was.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="lock-badge"] button')?.focus());
  };
  return (
    <Modal title={`Change this ${status} framework`} onClose={onClose} testId="unlock-dialog">
      <p>
        “{fw.title || 'Untitled framework'}” is {status} as {named}. Systems and schools that already imported it keep {named} as they got it.
      </p>
      <ul className="unlock-choices">
        <li>
          <strong>Start a new draft{next ? ` (version ${next})` : ''}</strong> — recommended to change what the framework says. Its status becomes
          draft{next ? ` and its version ${next}` : ' (set its new version in Details)'}; review and adopt it again when it is ready. Undo turns it back.
        </li>
        <li>
          <strong>Correct {named}</strong> — for a typo or a broken link only: it stays {status} as {named}, so systems that imported it will not
          know it changed. Unlocked for this session only.
        </li>
      </ul>
      <div className="pub-foot">
        <button className="btn" onClick={onClose}>
          Cancel
        </button>
        <span className="pub-spacer" />
        <button className="btn" onClick={correct} data-testid="unlock-correct">
          Correct {named}
        </button>
        <button className="btn btn-primary" onClick={startDraft} data-testid="unlock-new-draft" autoFocus>
          Start a new draft
        </button>
      </div>
    </Modal>
  );
}
