import { useRef, useState } from 'react';
import { describeProblem, type SchemaProblem } from '../../../src-core/format/schemaErrors';
import type { BannerProblem } from '../store/session';
import './bannerProblems.css';

/** How many problems the banner lists before "… and N more" (all of them are copied). */
export const LISTED_PROBLEMS = 50;

/** Schema problems as the list shows them: each where it is in words, its JSON pointer apart. */
export function problemLines(problems: readonly SchemaProblem[]): BannerProblem[] {
  return problems.map((p) => ({ text: describeProblem(p, { pointer: false }), path: p.path }));
}

/**
 * The problems behind an open error (a file that breaks the schema): each where it is in words, with its
 * JSON pointer for whoever edits the file; the first 50, then how many more, and a button that copies all.
 * Also under other errors that have several problems (a comparison file, a CASE package's mapping); `label`
 * names the list for a screen reader. With `firstFew`, only that many show until "Show all" is pressed.
 */
export function BannerProblems({ problems, label = 'Problems in the file', firstFew }: { problems: readonly BannerProblem[]; label?: string; firstFew?: number }) {
  const [copied, setCopied] = useState(false);
  // `firstFew` (a narrow place such as a side panel): only that many until "Show all" is pressed
  const [showAll, setShowAll] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const folded = firstFew !== undefined && !showAll && problems.length > firstFew;
  const shown = problems.slice(0, folded ? firstFew : LISTED_PROBLEMS);
  const more = problems.length - shown.length;
  const copy = async () => {
    const lines = problems.map((p) => (p.path ? `${p.text} (${p.path})` : p.text));
    try {
      await navigator.clipboard.writeText(lines.join('\n') + '\n');
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="banner-problems">
      <ol aria-label={label} data-testid="open-problems" tabIndex={0} ref={list}>
        {shown.map((p, i) => (
          <li key={i}>
            <span className="banner-problem-text">{p.text}</span>
            {p.path && <code className="banner-problem-path">{p.path}</code>}
          </li>
        ))}
      </ol>
      <div className="banner-problems-foot">
        {folded ? (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setShowAll(true);
              list.current?.focus(); // the button goes away: the focus moves to the list it opened
            }}
            data-testid="open-problems-show-all"
          >
            Show all {problems.length.toLocaleString('en-US')} problems
          </button>
        ) : (
          more > 0 && <span data-testid="open-problems-more">… and {more.toLocaleString('en-US')} more problem{more === 1 ? '' : 's'}</span>
        )}
        <button type="button" className="btn" onClick={() => void copy()}>
          {copied ? 'Copied' : problems.length === 1 ? 'Copy the problem' : `Copy all ${problems.length} problems`}
        </button>
      </div>
    </div>
  );
}
