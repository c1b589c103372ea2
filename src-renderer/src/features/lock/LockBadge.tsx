import { useState } from 'react';
import { useEditor, useStore } from '../../store/useEditor';
import { UnlockDialog } from './UnlockDialog';
import './lock.css';

function LockIcon({ open }: { open: boolean }) {
  return (
    <svg className="icon" width={14} height={14} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.9} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d={open ? 'M8 11V7a4 4 0 0 1 7.8-1.2' : 'M8 11V7a4 4 0 0 1 8 0v4'} />
    </svg>
  );
}

/**
 * The review lock on the canvas: "Adopted · locked" with Unlock (which asks: start a new draft, or
 * correct this version), or "Unlocked" with Lock again. The rule itself is in the store (store/lock.ts).
 */
export function LockBadge() {
  const store = useStore();
  const locked = useEditor((s) => s.locked);
  const lockable = useEditor((s) => s.lockable);
  const status = useEditor((s) => s.doc.framework.status);
  const [asking, setAsking] = useState(false);
  if (!lockable) return null;
  return (
    <>
      {asking && <UnlockDialog onClose={() => setAsking(false)} />}
      <div className={`lock-badge${locked ? ' is-locked' : ''}`} role="status" data-testid="lock-badge" data-locked={locked}>
        <LockIcon open={!locked} />
        <span>{locked ? `${status === 'adopted' ? 'Adopted' : 'Deprecated'} · locked` : 'Unlocked for editing'}</span>
        {locked ? (
          <button type="button" className="lock-btn" onClick={() => setAsking(true)} title="Change this framework: start a new draft, or correct this version" aria-haspopup="dialog">
            Unlock
          </button>
        ) : (
          <button type="button" className="lock-btn" onClick={() => store.lock()}>
            Lock again
          </button>
        )}
      </div>
    </>
  );
}
