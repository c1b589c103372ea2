import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { HostApi, RecoveryEntry } from '../../../src-core/host/contract';
import { useStore } from '../store/useEditor';
import { useDialogFocus } from '../ui/useDialogFocus';
import { restoreRecovered } from './documents';

/** After a crash or a closed tab: offers to restore each unsaved document from the recovery journal. */
export function RecoveryOffer({ host }: { host: HostApi }) {
  const store = useStore();
  const [entries, setEntries] = useState<RecoveryEntry[]>([]);
  useEffect(() => {
    void host.listRecovery().then(setEntries, () => undefined);
  }, [host]);
  if (!entries.length) return null;
  const drop = (id: string) => setEntries((es) => es.filter((e) => e.id !== id));
  return (
    <OfferDialog onLater={() => setEntries([])}>
      <h2>Restore unsaved work?</h2>
      <p className="muted">Progressions kept these unsaved changes when it last closed unexpectedly.</p>
      <ul className="recovery-list">
        {entries.map((e) => (
          <li key={e.id}>
            <div>
              <strong>{e.title || e.name}</strong>
              <div className="muted small">{entryFacts(e)}</div>
              {e.fileChanged && (
                <div className="small recovery-file-changed" data-testid="recovery-file-changed">
                  {e.name} was changed after this copy was kept. Restoring brings back this older unsaved version; saving it over the file asks first.
                </div>
              )}
            </div>
            <div className="row-actions">
              <button
                className="btn btn-primary"
                onClick={async () => {
                  if ((await restoreRecovered(store, host, e.id)) !== 'kept') drop(e.id);
                }}
              >
                Restore
              </button>
              <button
                className="btn"
                onClick={async () => {
                  await host.discardRecovery({ id: e.id });
                  drop(e.id);
                }}
              >
                Discard
              </button>
            </div>
          </li>
        ))}
      </ul>
      <div className="dialog-foot">
        <button className="btn" onClick={() => setEntries([])}>
          Decide later
        </button>
      </div>
    </OfferDialog>
  );
}

/** "plan.json · 26/11/2026, 14:02 · 2344 KB" — a damaged copy has no time or size to show ("Invalid Date"). */
export function entryFacts(e: Pick<RecoveryEntry, 'name' | 'savedAt' | 'bytes'>): string {
  const when = new Date(e.savedAt);
  return [e.name, Number.isNaN(when.getTime()) ? null : when.toLocaleString(), e.bytes > 0 ? `${Math.max(1, Math.round(e.bytes / 1024))} KB` : null]
    .filter((x) => x !== null)
    .join(' · ');
}

/** The offer's dialog: the focus starts on the first Restore and stays inside; Escape is "Decide later". */
function OfferDialog({ onLater, children }: { onLater: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const later = useRef(onLater);
  later.current = onLater;
  useDialogFocus(ref);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('.btn-primary')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      later.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return (
    <div className="overlay">
      <div className="dialog" role="dialog" aria-modal="true" aria-label="Restore unsaved work" ref={ref} tabIndex={-1}>
        {children}
      </div>
    </div>
  );
}
