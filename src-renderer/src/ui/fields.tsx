import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** A labelled form row. */
export function Field({ label, htmlFor, hint, children }: { label: string; htmlFor?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint && <div className="field-hint">{hint}</div>}
    </div>
  );
}

interface CommitProps {
  id?: string;
  value: string;
  /**
   * Called once per edit (blur, Enter, or Ctrl/⌘+Enter in multi-line fields) when the text changed. A
   * returned message means the edit was refused (e.g. the framework is locked): the draft stays in the
   * field with the message under it, so nothing typed is lost or shown as if saved; the next blur or
   * Enter tries again.
   */
  onCommit: (value: string) => string | void;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
  /** One-line text (Enter commits, no line breaks) shown whole: the field wraps and grows with its text. */
  wrap?: boolean;
  className?: string;
  ariaLabel?: string;
  /** Validates before committing; a message keeps the draft and shows the problem. */
  validate?: (value: string) => string | null;
  autoFocus?: boolean;
  /** Called after Enter committed a valid draft (e.g. to move on to the next field). */
  onEnter?: () => void;
}

/**
 * A text field that edits a local draft and commits one command per field edit (not per keystroke),
 * so each edit is one undo step. Escape reverts the draft of a short one-line field (a code, a title) and
 * commits that of a long-text one (multi-line or wrapped), which undo can take back. External changes (undo) update the draft
 * while the field is not being edited. A multi-line field is `rows` high at least and grows with its text.
 */
export function CommitText({ id, value, onCommit, placeholder, multiline, rows = 3, wrap, className, ariaLabel, validate, autoFocus, onEnter }: CommitProps) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  // A textarea is left uncontrolled: React writes a controlled one's default text on every keystroke, and Chrome
  // (Electron too) then undoes typing one letter at a time (react#8514). Its text is set here when the draft
  // changes from outside (undo of the map, a refused edit reverted, line breaks taken out).
  const area = useRef<HTMLTextAreaElement | null>(null);
  useLayoutEffect(() => {
    if (area.current && area.current.value !== draft) area.current.value = draft;
  }, [draft]);
  // the value the draft was last taken from: a focused field not typed in since follows an outside change too
  // (Ctrl+Z there undoes the map's last step, and the field then shows it — it kept the old text and wrote it back on blur)
  const shown = useRef(value);
  useEffect(() => {
    const typed = draft !== shown.current;
    shown.current = value;
    if (editing.current && typed) return;
    // an outside change (undo, another window) replaces a kept draft, and the problem shown with it
    setDraft(value);
    setError(null);
  }, [value]);
  /** Commits the draft if it changed; false when validation kept it. */
  const commit = (): boolean => {
    editing.current = false;
    if (draft === value) {
      setError(null);
      return true;
    }
    const problem = validate?.(draft) ?? onCommit(draft) ?? null;
    setError(problem);
    return !problem;
  };
  const common = {
    id,
    value: draft,
    placeholder,
    'aria-label': ariaLabel,
    'aria-invalid': error ? true : undefined,
    className: `input${wrap && !multiline ? ' input-wrap' : ''}${className ? ` ${className}` : ''}${error ? ' is-invalid' : ''}`,
    autoFocus,
    onFocus: () => (editing.current = true),
    onBlur: commit,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      editing.current = true;
      // A wrapped one-line field takes no line breaks (pasted ones become spaces).
      setDraft(wrap && !multiline ? e.target.value.replace(/\r?\n/g, ' ') : e.target.value);
    },
    onKeyDown: (e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === 'Escape') {
        // Long text (a statement, an indicator, notes): Escape keeps what was typed, as one undo step
        // (Ctrl+Z brings the old text back). Reverting threw away paragraphs with no way back.
        if (multiline || wrap) {
          commit();
          editing.current = true;
          return;
        }
        setDraft(value);
        setError(null);
        editing.current = false;
        return;
      }
      if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        const ok = commit();
        editing.current = true;
        if (ok) onEnter?.();
      }
    },
  };
  const { value: _text, ...uncontrolled } = common;
  return (
    <>
      {multiline ? (
        <textarea ref={area} rows={rows} {...uncontrolled} className={`${common.className} input-grow`} style={{ minHeight: `calc(${rows} * 1.45em + 14px)` }} />
      ) : wrap ? (
        <textarea ref={area} rows={1} {...uncontrolled} />
      ) : (
        <input type="text" {...common} />
      )}
      {error && <div className="field-error">{error}</div>}
    </>
  );
}

/** Toggle chips for choosing several values from a fixed list. */
export function ChipSelect<T extends string>({
  options,
  value,
  onChange,
  label,
}: {
  options: readonly { value: T; label: string; title?: string }[];
  value: readonly T[];
  onChange: (next: T[]) => void;
  label: string;
}) {
  const set = new Set(value);
  return (
    <div className="chips" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className={`chip${set.has(o.value) ? ' is-on' : ''}`}
          aria-pressed={set.has(o.value)}
          title={o.title}
          onClick={() => onChange(set.has(o.value) ? value.filter((v) => v !== o.value) : options.map((x) => x.value).filter((v) => v === o.value || set.has(v)))}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
