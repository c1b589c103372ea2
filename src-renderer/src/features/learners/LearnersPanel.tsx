import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkProgress } from '../../../../src-core/progress/checkProgress';
import { BannerProblems } from '../../app/BannerProblems';
import { useEditor, useStore } from '../../store/useEditor';
import { importProgress, installUnsavedProgressGuard, saveProgress, saveProgressTemplate, startProgress } from './actions';
import { ClassView } from './ClassView';
import { CompareView } from './CompareView';
import { learnersStore, useLearners, type LearnersTab } from './learnersStore';
import { installLearnerOverlay } from './overlay';
import { PacingView } from './PacingView';
import { PathView } from './PathView';
import { phaseColors } from './phaseColors';
import { ReviewView } from './ReviewView';
import { useFramework } from './shared';
import { StudentView } from './StudentView';
import { LearnerView } from './LearnerView';
import { learnerStatusOf } from '../../../../src-core/progress/structure';
import './learners.css';

/** Room kept beside a tab scrolled into view: the width of the strip's faded edge (learners.css). */
const TAB_EDGE = 24;

/** Scrolls the tab strip (only it: not the panel) so that `tab` is wholly in view, clear of the faded edges. */
function revealTab(list: HTMLElement, tab: HTMLElement): void {
  const from = tab.getBoundingClientRect().left - list.getBoundingClientRect().left + list.scrollLeft;
  const to = from + tab.offsetWidth;
  const first = tab === list.firstElementChild;
  const last = tab === list.lastElementChild;
  if (first || from - TAB_EDGE < list.scrollLeft) list.scrollLeft = first ? 0 : from - TAB_EDGE;
  else if (last || to + TAB_EDGE > list.scrollLeft + list.clientWidth) list.scrollLeft = last ? list.scrollWidth : to + TAB_EDGE - list.clientWidth;
}

/** Problems listed under an import error before "Show all" (the panel is narrow). */
const PROBLEMS_FIRST_FEW = 5;

const TABS: { id: LearnersTab; label: string }[] = [
  { id: 'learner', label: 'Learner' },
  { id: 'class', label: 'Class' },
  { id: 'path', label: 'Path' },
  { id: 'pacing', label: 'Pacing' },
  { id: 'review', label: 'Review' },
  { id: 'compare', label: 'Compare' },
];

/**
 * The Learners panel: learner progress on the open framework (imported from CSV, opened from a
 * progress file or typed in), ready next and blocked, class summary, suggested path and analytics,
 * pacing, review comments, version comparison, and the printable student view.
 */
export function LearnersPanel() {
  const editor = useStore();
  const fw = useFramework();
  const s = useLearners();
  const [newLearner, setNewLearner] = useState('');
  useEffect(() => {
    installLearnerOverlay(editor);
    installUnsavedProgressGuard();
  }, [editor]);
  const progress = s.progress;
  // the message's Undo of a step (a recorded phase): is that step no longer the last one (a map edit since)?
  const action = s.message?.action;
  const later = useEditor(
    useCallback(() => {
      const step = action?.step?.();
      return !!step && !editor.isLatest(step);
    }, [action, editor]),
  );
  // …and can it not do what it says now (an import the progress was changed after): why
  const blocked = action?.blocked?.() ?? null;
  const learnerId = s.learnerId && progress?.learners.some((l) => l.id === s.learnerId) ? s.learnerId : null;
  const status = progress && learnerId ? learnerStatusOf(fw, progress, learnerId) : null;
  const learnerName = learnerId ? (progress?.learners.find((l) => l.id === learnerId)?.name ?? learnerId) : null;
  const colors = useMemo(() => phaseColors(fw.phases), [fw.phases]);
  // Progress outlives a document switch: say when it does not fit the open framework.
  const warnings = useMemo(() => (progress ? checkProgress(fw, progress) : []), [fw, progress]);
  // the tabs are one scrolling row (a narrow panel cannot hold them all): the chosen one is kept in view
  const tabsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const list = tabsRef.current;
    const tab = list?.querySelector<HTMLElement>(`#lrn-tab-${s.tab}`);
    if (list && tab) revealTab(list, tab);
  }, [s.tab]);
  useEffect(() => {
    // a mouse wheel over the row of tabs scrolls it sideways (not the panel); a listener of its own, as React's is passive
    const list = tabsRef.current;
    if (!list) return;
    const onWheel = (e: WheelEvent) => {
      if (list.scrollWidth <= list.clientWidth || e.deltaX !== 0 || e.deltaY === 0 || e.ctrlKey) return;
      e.preventDefault();
      list.scrollLeft += e.deltaY;
    };
    list.addEventListener('wheel', onWheel, { passive: false });
    return () => list.removeEventListener('wheel', onWheel);
  }, []);

  return (
    <div className="panel lrn-panel" data-testid="learners-panel">
      <div className="lrn-bar">
        <button type="button" onClick={() => void importProgress(fw)} data-testid="import-progress">
          Import progress…
        </button>
        {progress && (
          <>
            <button type="button" onClick={() => void saveProgress(fw, 'json')} title="Save as a progress file (kept apart from the framework)">
              Save progress…
            </button>
            <button type="button" onClick={() => void saveProgress(fw, 'csv')}>
              Export CSV…
            </button>
          </>
        )}
        <button type="button" onClick={() => learnersStore.set({ studentViewOpen: true })} data-testid="open-student-view">
          Student view
        </button>
      </div>
      {progress && s.dirty && (
        <p className="lrn-unsaved" role="note" data-testid="progress-unsaved">
          Progress not saved yet. It is kept apart from the framework, so Save does not keep it: use Save progress… (or Export CSV…).
        </p>
      )}
      {s.message && (
        // With a list of problems only the summary is the alert (a screen reader does not read out 50 lines).
        <div className={`lrn-message is-${s.message.kind}`} role={s.message.problems?.length ? undefined : s.message.kind === 'error' ? 'alert' : 'status'} data-testid="learners-message">
          <p role={s.message.problems?.length ? 'alert' : undefined}>{s.message.text}</p>
          {s.message.notice && (
            <p className="lrn-encoding" data-testid="encoding-notice">
              {s.message.notice}
            </p>
          )}
          {s.message.details && s.message.details.length > 0 && (
            <ul>
              {s.message.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
          {action && (
            <button
              type="button"
              className="lrn-message-action"
              onClick={action.run}
              disabled={!!blocked}
              aria-describedby={blocked || (later && action.laterHint) ? 'lrn-message-later' : undefined}
              data-testid="learners-message-action"
            >
              {later ? (action.laterLabel ?? action.label) : action.label}
            </button>
          )}
          {(blocked || (later && action?.laterHint)) && (
            <p className="lrn-hint" id="lrn-message-later" data-testid="learners-message-later">
              {blocked || action?.laterHint}
            </p>
          )}
          {s.message.problems && s.message.problems.length > 0 && <BannerProblems key={s.message.text} problems={s.message.problems} firstFew={PROBLEMS_FIRST_FEW} />}
          <button type="button" className="lrn-dismiss" aria-label="Dismiss" onClick={() => learnersStore.set({ message: null })}>
            ×
          </button>
        </div>
      )}
      {warnings.length > 0 && (
        <ul className="lrn-message is-error" role="note" data-testid="progress-warnings">
          {warnings.map((w) => (
            <li key={w.code + w.ids.join()}>{w.message}</li>
          ))}
        </ul>
      )}
      <div className="lrn-who-row">
        {progress ? (
          <label>
            Learner{' '}
            <select value={learnerId ?? ''} onChange={(e) => learnersStore.set({ learnerId: e.target.value || null })} data-testid="learner-select">
              <option value="">Whole class ({progress.learners.length})</option>
              {progress.learners.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name === l.id ? l.id : `${l.name} (${l.id})`}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <div className="lrn-hint" data-testid="learners-start">
            <p>
              No progress yet. Import a CSV with one row per time a student showed a competency — columns learner, competency (its code), phase (
              {fw.phases.map((p) => p.label).join(', ') || 'a phase of the scale'}), date (YYYY-MM-DD) and evidence — or add a learner below and record as you go.
            </p>
            <button type="button" onClick={() => void saveProgressTemplate(fw)} data-testid="progress-template">
              Download a CSV template
            </button>
          </div>
        )}
        <form
          className="lrn-add"
          onSubmit={(e) => {
            e.preventDefault();
            startProgress(fw, newLearner);
            setNewLearner('');
          }}
        >
          <input type="text" value={newLearner} aria-label="New learner id" placeholder="Add learner" onChange={(e) => setNewLearner(e.target.value)} />
          <button type="submit" disabled={!newLearner.trim()}>
            Add
          </button>
        </form>
      </div>
      {progress && (
        <div className="lrn-legend">
          <label className="lrn-toggle">
            <input type="checkbox" checked={s.overlay} onChange={(e) => learnersStore.set({ overlay: e.target.checked })} /> Colour the canvas by phase
          </label>
          {s.overlay && !learnerId && progress.learners.length !== 1 && <span className="lrn-hint" data-testid="overlay-needs-learner">(choose a learner: the whole class has no one colour)</span>}
          <span className="lrn-legend-items" aria-label="Legend">
            {fw.phases.map((p) => (
              <span key={p.id} className="lrn-chip" style={{ background: colors.get(p.id)?.fill, color: colors.get(p.id)?.ink }}>
                {p.label}
              </span>
            ))}
            <span className="lrn-chip lrn-chip-ready">ready: dashed</span>
            <span className="lrn-chip lrn-chip-blocked">blocked: faded</span>
          </span>
        </div>
      )}
      <div
        role="tablist"
        ref={tabsRef}
        className="lrn-tabs"
        aria-label="Learner views"
        onKeyDown={(e) => {
          // the tabs pattern: arrows (and Home/End) move between tabs, Tab goes on into the view
          const at = TABS.findIndex((t) => t.id === s.tab);
          const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
          if (to === null) return;
          e.preventDefault();
          const next = TABS[(to + TABS.length) % TABS.length]!;
          learnersStore.set({ tab: next.id });
          document.getElementById(`lrn-tab-${next.id}`)?.focus({ preventScroll: true });
        }}
      >
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`lrn-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={s.tab === t.id}
            aria-controls="lrn-tabpanel"
            tabIndex={s.tab === t.id ? 0 : -1}
            className={s.tab === t.id ? 'is-active' : undefined}
            onClick={() => learnersStore.set({ tab: t.id })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="lrn-tabpanel" aria-labelledby={`lrn-tab-${s.tab}`} className="lrn-body">
        {s.tab === 'learner' &&
          (progress && learnerId ? (
            <LearnerView fw={fw} progress={progress} learnerId={learnerId} />
          ) : (
            <p className="lrn-empty">{progress ? 'Choose a learner to see what they have mastered, what is ready next and what is blocked.' : 'Import progress to see ready next and blocked competencies.'}</p>
          ))}
        {s.tab === 'class' && (progress ? <ClassView fw={fw} progress={progress} /> : <p className="lrn-empty">Import progress to see the class summary.</p>)}
        {s.tab === 'path' && <PathView fw={fw} status={status} learnerName={learnerName} />}
        {s.tab === 'pacing' && <PacingView fw={fw} status={status} learnerName={learnerName} />}
        {s.tab === 'review' && <ReviewView fw={fw} />}
        {s.tab === 'compare' && <CompareView fw={fw} />}
      </div>
      {s.studentViewOpen && <StudentView fw={fw} status={status} learnerName={learnerName} />}
    </div>
  );
}
