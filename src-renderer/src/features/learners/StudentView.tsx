import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { EVIDENCE_LABELS, type Competency, type Framework } from '../../../../src-core/model/types';
import type { LearnerStatus } from '../../../../src-core/progress/mastery';
import { suggestedSequence } from '../../../../src-core/progress/sequence';
import { useDialogFocus } from '../../ui/useDialogFocus';
import { host } from './actions';
import { learnersStore, useLearners } from './learnersStore';
import { phaseColors } from './phaseColors';
import { ClassSheets } from './ClassSheets';
import { codeOf, iCan, WorkingOnList } from './shared';

/**
 * The student view: a simplified, read-only map in student language — "I can" statements grouped by
 * domain, what each phase looks like, the evidence I may show, my progress and my next steps.
 * Opens over the app; printable (a print style sheet hides everything else).
 */
export function StudentView({ fw, status, learnerName }: { fw: Framework; status: LearnerStatus | null; learnerName: string | null }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  useDialogFocus(rootRef); // Tab stays in the view; the focus goes back to its button on close
  const colors = useMemo(() => phaseColors(fw.phases), [fw.phases]);
  const seq = useMemo(() => suggestedSequence(fw, new Set(status?.mastered ?? [])), [fw, status]);
  const step = new Map(seq.order.map((id, i) => [id, i + 1]));
  const close = () => learnersStore.set({ studentViewOpen: false });
  const { progress, learnerId } = useLearners();
  // A teacher's print run: one page per learner instead of one learner's map.
  const [sheets, setSheets] = useState(false);
  // the cards a "Before this, I need" link was followed from, the last one first out: Back returns there
  const [trail, setTrail] = useState<string[]>([]);
  const back = trail.at(-1);
  // another learner's map, or the class sheets: a new page, read from its top (not from where the last one was left)
  const shown = useRef({ learnerId, sheets });
  useEffect(() => {
    setTrail([]);
    if (shown.current.learnerId === learnerId && shown.current.sheets === sheets) return;
    shown.current = { learnerId, sheets };
    rootRef.current?.scrollTo({ top: 0 });
  }, [learnerId, sheets]);
  const classSheets = sheets && progress && progress.learners.length > 0 ? progress : null;
  // The view is a page of its own in the browser's history: the Back gesture or button (a Chromebook in tablet mode
  // has no other) closes it instead of leaving the app; closed any other way, its history entry is taken back.
  useEffect(() => {
    window.history.pushState({ ...(window.history.state as object | null), [HISTORY_MARK]: true }, '');
    let popped = false;
    const onPop = () => {
      if (onOurEntry()) return; // a stale Back of a view closed a moment ago
      popped = true;
      close();
    };
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      if (!popped && onOurEntry()) window.history.back();
    };
  }, []);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const groups = useMemo(() => {
    const byDomain = new Map<string, Competency[]>();
    for (const c of Object.values(fw.competencies)) {
      const k = c.domainId && fw.domains.some((d) => d.id === c.domainId) ? c.domainId : '';
      (byDomain.get(k) ?? byDomain.set(k, []).get(k)!).push(c);
    }
    const order = (c: Competency) => step.get(c.id) ?? -1;
    const list = [...fw.domains.map((d) => ({ id: d.id as string, title: d.title, color: d.color })), { id: '', title: 'Other', color: '#868e96' }];
    return list
      .filter((d) => byDomain.get(d.id)?.length)
      .map((d) => ({ ...d, items: byDomain.get(d.id)!.sort((a, b) => order(a) - order(b) || codeOf(fw, a.id).localeCompare(codeOf(fw, b.id))) }));
  }, [fw, seq]); // `step` is derived from `seq`

  const total = Object.keys(fw.competencies).length;
  const stateText = (id: string) => {
    const st = status?.state[id];
    if (!status) return null;
    if (st === 'mastered') return <span className="sv-badge sv-mastered">✓ I’ve mastered this</span>;
    if (st === 'ready') return <span className="sv-badge sv-ready">Ready for me next</span>;
    const b = status.blocked.find((x) => x.id === id);
    return <span className="sv-badge sv-later">Later — first: {b?.missing.map((m) => codeOf(fw, m)).join(', ')}</span>;
  };

  return createPortal(
    <div className="student-view-root" role="dialog" aria-modal="true" aria-label="Student view" data-testid="student-view" ref={rootRef} tabIndex={-1}>
      <div className="sv-toolbar no-print">
        {back && fw.competencies[back] && !classSheets && (
          <button
            type="button"
            className="sv-back"
            data-testid="student-back"
            onClick={() => {
              // drawn first: the toolbar may lose a row, and the card is placed clear of it
              flushSync(() => setTrail((t) => t.slice(0, -1)));
              const card = document.getElementById(`sv-${back}`);
              if (card) revealCard(card);
            }}
          >
            ← <span className="sv-back-words">Back to </span>
            {codeOf(fw, back)}
          </button>
        )}
        {progress && progress.learners.length > 0 && (
          <button type="button" onClick={() => setSheets((v) => !v)} aria-pressed={sheets} data-testid="student-class-sheets" title="For printing: one page per learner with their progress and next steps">
            {sheets ? 'One learner’s map' : `One page per learner (${progress.learners.length})`}
          </button>
        )}
        {progress && progress.learners.length > 0 && !classSheets && (
          <label className="sv-who">
            <span className="sv-who-word">Whose map</span>{' '}
            <select value={learnerId && progress.learners.some((l) => l.id === learnerId) ? learnerId : ''} onChange={(e) => learnersStore.set({ learnerId: e.target.value || null })} data-testid="student-view-learner">
              <option value="">Nobody (the blank map)</option>
              {progress.learners.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" onClick={() => void host().printPdf({ suggestedName: classSheets ? 'class-learning-maps.pdf' : `${learnerName ?? 'student'}-learning-map.pdf` })} data-testid="student-print">
          Print
        </button>
        <button type="button" ref={closeRef} onClick={close}>
          Close
        </button>
      </div>
      {classSheets ? (
        <>
          <div className="sv-header">
            <h1>Learning maps, one page per learner</h1>
            <p className="sv-sub">
              {fw.title} · {classSheets.learners.length} learner{classSheets.learners.length === 1 ? '' : 's'}. Print gives each learner a page of their own.
            </p>
          </div>
          <ClassSheets fw={fw} progress={classSheets} />
        </>
      ) : (
        <>
          <div className="sv-header">
            <h1>My learning map</h1>
            <p className="sv-sub">
              {fw.title}
              {learnerName ? ` · ${learnerName}` : ''}
            </p>
          </div>
          {status ? (
            <section className="sv-progress" aria-labelledby="sv-progress-h">
              <h2 id="sv-progress-h">My progress</h2>
              <p>
                I have mastered <strong>{status.mastered.length}</strong> of {total} learning targets.
              </p>
              <div className="sv-meter" aria-hidden="true">
                <span style={{ width: `${total ? (100 * status.mastered.length) / total : 0}%` }} />
              </div>
              {status.inProgress.length > 0 && <p className="sv-working-h">I am working on {status.inProgress.length}:</p>}
              {status.inProgress.length > 0 && (
                <WorkingOnList fw={fw} status={status} className="sv-working" testId="student-working-on" />
              )}
            </section>
          ) : (
            <p className="sv-sub">
              {progress && progress.learners.length > 0
                ? 'Choose whose map it is (top right) to see their progress and next steps.'
                : 'No learner progress yet: this is the blank map. Import progress or add a learner in the Learners panel to show a student’s progress and next steps.'}
            </p>
          )}
          {status && (
            <section className="sv-next" aria-labelledby="sv-next-h" data-testid="student-next-steps">
              <h2 id="sv-next-h">My next steps</h2>
              {status.ready.length === 0 ? (
                // as the class sheets say it: all mastered is not "nothing is waiting"
                <p data-testid="student-no-next">{total > 0 && status.mastered.length === total ? 'I have mastered every learning target. 🎉' : 'Nothing is waiting: talk with your teacher about what comes next.'}</p>
              ) : (
                <ol>
                  {seq.order
                    .filter((id) => status.state[id] === 'ready')
                    .map((id) => (
                      <li key={id}>
                        {iCan(fw.competencies[id]!)} <span className="sv-code">({codeOf(fw, id)})</span>
                      </li>
                    ))}
                </ol>
              )}
            </section>
          )}
          <section className="sv-scale" aria-labelledby="sv-scale-h">
            <h2 id="sv-scale-h">The phases of mastery</h2>
            <ol className="sv-phases">
              {fw.phases.map((p) => (
                <li key={p.id} style={{ background: colors.get(p.id)?.fill }}>
                  <strong>
                    {p.label}
                    {p.threshold ? ' — mastery' : ''}
                  </strong>
                  {p.description && <span> {p.description}</span>}
                </li>
              ))}
            </ol>
          </section>
          <section className="sv-map" aria-label="My learning targets">
            {groups.map((g) => (
              <div key={g.id || 'other'} className="sv-domain" style={{ borderTopColor: g.color }}>
                <h2>{g.title}</h2>
                {g.items.map((c) => {
                  const rec = status?.current[c.id];
                  const recPhase = rec ? fw.phases.find((p) => p.id === rec.phaseId) : undefined;
                  const described = fw.phases.filter((p) => c.phases[p.id]?.descriptor.trim() || c.phases[p.id]?.indicators.length);
                  return (
                    <article key={c.id} id={`sv-${c.id}`} tabIndex={-1} className={`sv-card sv-${status?.state[c.id] ?? 'none'}`} data-code={c.code}>
                      <header>
                        {step.has(c.id) && status && <span className="sv-step">Step {step.get(c.id)}</span>}
                        <span className="sv-code">{codeOf(fw, c.id)}</span>
                        {stateText(c.id)}
                      </header>
                      <p className="sv-ican">{iCan(c)}</p>
                      {status?.state[c.id] === 'blocked' && (
                        <p className="sv-first">
                          Before this, I need:{' '}
                          {status.blocked
                            .find((b) => b.id === c.id)
                            ?.missing.map((m, i) => (
                              <span key={m}>
                                {i > 0 && '; '}
                                <a
                                  href={`#sv-${m}`}
                                  onClick={(e) => {
                                    e.preventDefault();
                                    const card = document.getElementById(`sv-${m}`);
                                    if (!card) return;
                                    flushSync(() => setTrail((t) => [...t, c.id]));
                                    revealCard(card);
                                  }}
                                >
                                  {iCan(fw.competencies[m]!)} ({codeOf(fw, m)})
                                </a>
                              </span>
                            ))}
                        </p>
                      )}
                      {rec && recPhase && (
                        <p className="sv-mine">
                          Me: <span style={{ background: colors.get(recPhase.id)?.fill }} className="sv-phase-chip">{recPhase.label}</span> on {rec.date}
                          {rec.evidence ? ` — ${rec.evidence}` : ''}
                        </p>
                      )}
                      {described.length > 0 && (
                        <details open={!status || status.state[c.id] === 'ready' || !!rec}>
                          <summary>What each phase looks like</summary>
                          <dl>
                            {described.map((p) => (
                              <div key={p.id}>
                                <dt>{p.label}</dt>
                                <dd>
                                  {c.phases[p.id]!.descriptor}
                                  {c.phases[p.id]!.indicators.length > 0 && (
                                    <ul>
                                      {c.phases[p.id]!.indicators.map((i) => (
                                        <li key={i.id}>{i.text}</li>
                                      ))}
                                    </ul>
                                  )}
                                </dd>
                              </div>
                            ))}
                          </dl>
                        </details>
                      )}
                      {c.evidenceTypes.length > 0 && <p className="sv-evidence">I can show it with: {c.evidenceTypes.map((e) => EVIDENCE_LABELS[e]).join(', ')}</p>}
                    </article>
                  );
                })}
              </div>
            ))}
          </section>
        </>
      )}
    </div>,
    document.body,
  );
}

/** Marks the browser-history entry the open student view added. */
const HISTORY_MARK = 'progressionsStudentView';
const onOurEntry = () => !!(window.history.state as Record<string, unknown> | null)?.[HISTORY_MARK];

/**
 * Scrolls a card of the map to the top of the view (under the view's toolbar: scroll-padding, learners.css) and
 * gives it the focus: its code and "I can" come first — centred, a card taller than a small screen (its phases
 * unfolded) showed only its middle, and a student could not tell where the link had gone. Cards out of view are laid out only once reached
 * (content-visibility, learners.css), so the cards around it take their real height after the scroll and may push
 * it away: it is scrolled to again each frame until it stays put (a few frames at most).
 */
function revealCard(card: HTMLElement): void {
  // clear of the view's toolbar, however many rows it wraps to on a narrow screen
  const root = card.closest<HTMLElement>('.student-view-root');
  const bar = root?.querySelector<HTMLElement>('.sv-toolbar');
  if (root && bar) root.style.scrollPaddingTop = `${bar.offsetHeight + 8}px`;
  card.scrollIntoView({ block: 'start' });
  card.focus({ preventScroll: true });
  let top = card.getBoundingClientRect().top;
  let frames = 0;
  // the cards brought into view are laid out in the frame's rendering, after its animation callbacks: look for
  // some frames, then stop once the card stays where it is
  const settle = () => {
    frames++;
    const now = card.getBoundingClientRect().top;
    if (now !== top) {
      card.scrollIntoView({ block: 'start' });
      top = card.getBoundingClientRect().top;
    } else if (frames > 3) return;
    if (frames < 20) requestAnimationFrame(settle);
  };
  requestAnimationFrame(settle);
}
