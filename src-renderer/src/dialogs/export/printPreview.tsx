import { useEffect, useMemo, useRef } from 'react';
import { useDialogFocus } from '../../ui/useDialogFocus';
import { createPortal } from 'react-dom';
import './print.css';
import { scopeCss } from './scopeCss';

/** The parts of a printable HTML document that are shown inside the app: scoped style and body. */
export function printableParts(html: string): { css: string; body: string; bodyClass: string } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const style = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
  return { css: scopeCss(style, '.pm-doc'), body: doc.body.innerHTML, bodyClass: doc.body.className };
}

/**
 * The printable mastery map over the app, with Print (the host's print: the browser's print dialog,
 * or the desktop app's PDF export) and Save HTML. A print style sheet hides the app behind it.
 */
export function PrintPreview({ html, onPrint, onSave, onClose }: { html: string; onPrint: () => void; onSave: () => void; onClose: () => void }) {
  const parts = useMemo(() => printableParts(html), [html]);
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  return createPortal(
    <div className="pm-print-root" role="dialog" aria-modal="true" aria-label="Printable mastery map" data-testid="print-preview" ref={ref} tabIndex={-1}>
      <style>{parts.css}</style>
      <div className="pm-toolbar">
        <span className="pm-toolbar-title">Printable mastery map</span>
        <button className="btn btn-primary" onClick={onPrint} data-testid="print-now">
          Print…
        </button>
        <button className="btn" onClick={onSave}>
          Save HTML…
        </button>
        <button className="btn" onClick={onClose}>
          Close
        </button>
      </div>
      {/* The HTML comes from printableMapHtml, which escapes every text of the framework. A section, so its
          header and footer are the document's, not the page's banner and content info landmarks. */}
      <section className={`pm-doc ${parts.bodyClass}`} dangerouslySetInnerHTML={{ __html: parts.body }} />
    </div>,
    document.body,
  );
}
