import { useMemo, useState } from 'react';
import { addComment, updateComment } from '../../../../src-core/commands/comments';
import { nextVersion, startNewDraft, updateFrameworkMeta } from '../../../../src-core/commands/framework';
import { newId, type CommentId, type CompetencyId } from '../../../../src-core/model/ids';
import type { Framework, FrameworkStatus, ReviewComment } from '../../../../src-core/model/types';
import { useEditor, useStore } from '../../store/useEditor';
import { codeOf, useFocusCompetency } from './shared';

const AUTHOR_KEY = 'progressions.reviewAuthor';

/** What a comment is about, in words. */
function targetLabel(fw: Framework, c: ReviewComment): string {
  if (c.target.kind === 'framework') return 'The framework';
  if (c.target.kind === 'competency') return codeOf(fw, c.target.id);
  const l = fw.prerequisites.get(c.target.id);
  return l ? `Link ${codeOf(fw, l.from)} → ${codeOf(fw, l.to)}` : 'A deleted link';
}

/** The review workflow: the next steps offered from each status. */
const NEXT_STATUS: Record<FrameworkStatus, { to: FrameworkStatus; label: string; help: string }[]> = {
  draft: [{ to: 'in-review', label: 'Send for review', help: 'Mark it in review: reviewers comment, then it is adopted' }],
  'in-review': [
    { to: 'adopted', label: 'Adopt', help: 'Adopt it as the version in use: it locks against accidental edits' },
    { to: 'draft', label: 'Back to draft', help: 'Back to draft to change it before review' },
  ],
  adopted: [
    { to: 'deprecated', label: 'Deprecate', help: 'Mark it as no longer in use (it stays locked)' },
    { to: 'draft', label: 'New draft', help: 'Make this framework a draft again to work on its next version: it unlocks, its version goes one up, and the file stays the same file until you save it under another name' },
  ],
  deprecated: [{ to: 'draft', label: 'Back to draft', help: 'Back to draft to work on it again: it unlocks and its version goes one up' }],
};

/** What each status means, for the people who did not set it. */
const STATUS_MEANING: Record<FrameworkStatus, string> = {
  draft: 'being written; anyone can edit it',
  'in-review': 'being checked; resolve the comments, then adopt it',
  adopted: 'the version in use, locked against accidental edits (Unlock over the map to change it anyway; comments stay open to everyone)',
  deprecated: 'no longer in use; locked',
};
const STATUS_LABEL: Record<FrameworkStatus, string> = { draft: 'draft', 'in-review': 'in review', adopted: 'adopted', deprecated: 'deprecated' };

/** Review comments on competencies, links and the framework: list, add, resolve, reopen; the review status. */
export function ReviewView({ fw }: { fw: Framework }) {
  const store = useStore();
  const focus = useFocusCompetency();
  const selection = useEditor((s) => s.session.selection);
  const [showResolved, setShowResolved] = useState(false);
  const [text, setText] = useState('');
  const [author, setAuthor] = useState(() => localStorage.getItem(AUTHOR_KEY) ?? '');
  const [error, setError] = useState<string | null>(null);
  const comments = useMemo(
    () => Object.values(fw.comments).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)),
    [fw.comments],
  );
  const open = comments.filter((c) => !c.resolved).length;
  const nextDraftVersion = fw.status === 'adopted' || fw.status === 'deprecated' ? nextVersion(fw.version) : undefined;
  const target: ReviewComment['target'] = selection.competencies[0]
    ? { kind: 'competency', id: selection.competencies[0] }
    : selection.links[0]
      ? { kind: 'link', id: selection.links[0] }
      : { kind: 'framework' };
  const submit = () => {
    const r = store.run(
      addComment({ id: newId<CommentId>(), target, author: author.trim() || 'Anonymous', text, createdAt: new Date().toISOString(), resolved: false }),
    );
    if (!r.ok) setError(r.error.message);
    else {
      setError(null);
      setText('');
      localStorage.setItem(AUTHOR_KEY, author.trim());
    }
  };
  return (
    <div className="lrn-review" data-testid="review-comments">
      <p className="lrn-hint">
        {open} open comment{open === 1 ? '' : 's'}, {comments.length - open} resolved. Status: <strong data-testid="review-status">{STATUS_LABEL[fw.status]}</strong>.
      </p>
      <p className="lrn-hint" data-testid="review-status-meaning">
        {STATUS_LABEL[fw.status].charAt(0).toUpperCase() + STATUS_LABEL[fw.status].slice(1)}: {STATUS_MEANING[fw.status]}.
      </p>
      <div className="lrn-form-row">
        {NEXT_STATUS[fw.status].map((n) => (
          <button
            key={n.to}
            type="button"
            disabled={n.to === 'adopted' && open > 0}
            title={
              n.to === 'adopted' && open > 0
                ? 'Resolve the open comments first'
                : n.to === 'draft' && nextDraftVersion
                  ? `${n.help} (version ${nextDraftVersion})`
                  : n.help
            }
            onClick={() => {
              // Out of adopted / deprecated: the next version starts (status and version in one step).
              const r = store.run(n.to === 'draft' && (fw.status === 'adopted' || fw.status === 'deprecated') ? startNewDraft() : updateFrameworkMeta({ status: n.to }));
              setError(r.ok ? null : r.error.message);
            }}
          >
            {n.label}
          </button>
        ))}
      </div>
      <form
        className="lrn-comment-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label>
          On <strong>{targetLabel(fw, { target } as ReviewComment)}</strong> (select a competency or link on the canvas)
          <textarea value={text} rows={3} onChange={(e) => setText(e.target.value)} placeholder="Comment for the review" />
        </label>
        <label>
          Your name <input type="text" value={author} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        <button type="submit" disabled={!text.trim()}>
          Add comment
        </button>
        {error && <p role="alert" className="lrn-warning">{error}</p>}
      </form>
      <label className="lrn-toggle">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show resolved
      </label>
      <ul className="lrn-comments">
        {comments
          .filter((c) => showResolved || !c.resolved)
          .map((c) => (
            <li key={c.id} className={c.resolved ? 'is-resolved' : undefined}>
              <div className="lrn-comment-head">
                {c.target.kind === 'competency' ? (
                  <button type="button" className="lrn-link" onClick={() => focus((c.target as { id: CompetencyId }).id)}>
                    {targetLabel(fw, c)}
                  </button>
                ) : (
                  <span>{targetLabel(fw, c)}</span>
                )}
                <span className="lrn-reason">
                  {c.author} · {new Date(c.createdAt).toLocaleString()}
                </span>
              </div>
              <p>{c.text}</p>
              <button type="button" onClick={() => store.run(updateComment(c.id, { resolved: !c.resolved }))}>
                {c.resolved ? 'Reopen' : 'Resolve'}
              </button>
            </li>
          ))}
      </ul>
    </div>
  );
}
