import { useEffect, useState } from 'react';
import { useEditor, useStore } from '../store/useEditor';
import { Icon } from '../ui/Icon';
import { BannerProblems } from './BannerProblems';

/**
 * How long a notice stays, in ms: long enough to read at a slow pace (a student, a screen magnifier) —
 * about 15 characters a second, at least 4 s (an error at least 9 s).
 */
export function noticeDuration(notice: { kind: string; message: string }): number {
  return Math.max(notice.kind === 'error' ? 9000 : 4000, Math.round((notice.message.length / 15) * 1000));
}

/** The transient message (refused link, undo label, saved) and the persistent error banner (with the problems behind it). */
export function Notices() {
  const store = useStore();
  const notice = useEditor((s) => s.session.notice);
  const banner = useEditor((s) => s.session.banner);
  const problems = banner?.problems?.length ? banner.problems : null;
  // A notice under the pointer or the keyboard focus stays until it leaves (time to read it).
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!notice || held) return;
    const t = setTimeout(() => store.setSession((s) => (s.notice?.seq === notice.seq ? { notice: null } : {})), noticeDuration(notice));
    return () => clearTimeout(t);
  }, [notice, store, held]);
  useEffect(() => setHeld(false), [notice?.seq]);
  // The toast sits in a live region that is always on the page (one added together with its text is often
  // not read out): info in a status region, errors in an alert region.
  const toast = notice && (
    <div
      key={notice.seq}
      className={`toast toast-${notice.kind}`}
      data-testid="notice"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      {notice.kind === 'error' && <Icon name="warning" />}
      <span>{notice.message}</span>
      <button className="icon-btn" onClick={() => store.setSession({ notice: null })} aria-label="Dismiss">
        <Icon name="close" />
      </button>
    </div>
  );
  return (
    <>
      <div role="status" data-testid="notice-live">
        {notice?.kind !== 'error' && toast}
      </div>
      <div role="alert" data-testid="notice-live-error">
        {notice?.kind === 'error' && toast}
      </div>
      {banner && (
        // With a list of problems only the summary is the alert (a screen reader does not read out 50 lines).
        <div className={`banner${problems ? ' has-problems' : ''}`} role={problems ? undefined : 'alert'} data-testid="error-banner">
          <Icon name="warning" />
          {problems ? (
            <div className="banner-body">
              <span className="banner-summary" role="alert">
                {banner.text}
              </span>
              <BannerProblems key={banner.text} problems={problems} />
            </div>
          ) : (
            <span>{banner.text}</span>
          )}
          <button className="icon-btn" onClick={() => store.setSession({ banner: null })} aria-label="Dismiss">
            <Icon name="close" />
          </button>
        </div>
      )}
    </>
  );
}
