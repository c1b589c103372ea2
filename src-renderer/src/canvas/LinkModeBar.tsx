import { useEditor, useStore } from '../store/useEditor';
import { cancelLinking, linkingInstruction } from './linkFromHere';

/**
 * While a keyboard link is being made ("link from here", K): what to do, over the bottom of the map, in a
 * polite live region that is always on the page (one added together with its text is often not read out).
 * The result (linked, refused, cancelled) is said by the notices.
 */
export function LinkModeBar() {
  const store = useStore();
  const text = useEditor((s) => (s.session.linking ? linkingInstruction(s.doc.framework, s.session.linking.from) : ''));
  return (
    <div className={`link-mode${text ? ' is-on' : ''}`} data-testid="link-mode">
      <div role="status" className="link-mode-text" data-testid="link-mode-live">
        {text}
      </div>
      {text && (
        <button type="button" className="btn" onClick={() => cancelLinking(store)}>
          Cancel linking
        </button>
      )}
    </div>
  );
}
