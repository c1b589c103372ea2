import { useEffect } from 'react';
import { useEditor, useStore } from '../store/useEditor';
import { Icon } from '../ui/Icon';

/** The transient message (refused link, undo label, saved) and the persistent error banner. */
export function Notices() {
  const store = useStore();
  const notice = useEditor((s) => s.session.notice);
  const banner = useEditor((s) => s.session.banner);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => store.setSession((s) => (s.notice?.seq === notice.seq ? { notice: null } : {})), notice.kind === 'error' ? 9000 : 2600);
    return () => clearTimeout(t);
  }, [notice, store]);
  return (
    <>
      {banner && (
        <div className="banner" role="alert" data-testid="error-banner">
          <Icon name="warning" />
          <span>{banner}</span>
          <button className="icon-btn" onClick={() => store.setSession({ banner: null })} aria-label="Dismiss">
            <Icon name="close" />
          </button>
        </div>
      )}
      {notice && (
        <div key={notice.seq} className={`toast toast-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
          {notice.kind === 'error' && <Icon name="warning" />}
          <span>{notice.message}</span>
          <button className="icon-btn" onClick={() => store.setSession({ notice: null })} aria-label="Dismiss">
            <Icon name="close" />
          </button>
        </div>
      )}
    </>
  );
}
