import type { Framework } from '../../../../src-core/model/types';
import type { FrameworkDiff } from '../../../../src-core/progress/diff';
import type { LearnerStatus } from '../../../../src-core/progress/mastery';
import { learnerStatus } from '../../../../src-core/progress/mastery';
import { suggestedSequence } from '../../../../src-core/progress/sequence';
import type { EditorStore } from '../../store/editorStore';
import { comparisonDiff, learnersStore as defaultLearnersStore, type LearnersState, type LearnersStore } from './learnersStore';
import { phaseColors } from './phaseColors';
import { learnerStructure, type LearnerStructure } from '../../../../src-core/progress/structure';

/** What the canvas overlay shows. */
export interface OverlayInput {
  framework: Framework;
  /** The learner whose phases colour the nodes; null for none. */
  status: LearnerStatus | null;
  /** Competency id → 1-based place in the suggested sequence; null to show no numbers. */
  sequence: ReadonlyMap<string, number> | null;
  /** Colour added / changed competencies of a comparison; null for none. */
  diff: FrameworkDiff | null;
}

/** A CSS string literal for an attribute selector (ids are UUIDs or CASE identifiers; quote anyway). */
function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}

const node = (id: string) => `.react-flow__node[data-id=${cssString(id)}]`;

/**
 * The canvas overlay as a style sheet: React Flow renders each competency in a
 * `.react-flow__node[data-id=<competency id>]` wrapper, so the learner view colours nodes by phase,
 * outlines ready-next ones, fades blocked ones and numbers the suggested path without touching the
 * canvas code. Pure (tested); `installLearnerOverlay` keeps it in the page.
 */
export function overlayCss({ framework, status, sequence, diff }: OverlayInput): string {
  const rules: string[] = [];
  if (status) {
    const colors = phaseColors(framework.phases);
    for (const id of Object.keys(framework.competencies)) {
      const state = status.state[id];
      const rec = status.current[id];
      const color = rec ? colors.get(rec.phaseId) : undefined;
      const decl: string[] = [];
      // Tinted nodes get dark ink whatever the theme, so text stays readable on the light phase colours.
      if (color) decl.push(`background: ${color.fill} !important`, '--text: #1f2328', '--text-2: #343a40', '--muted: #4a5058', '--border: #c7ccd1');
      // Outlines, not box-shadows: the canvas shows selection with a box-shadow, and both must show.
      if (state === 'mastered') decl.push('outline: 3px solid #2b8a3e !important', 'outline-offset: 2px');
      else if (state === 'ready') decl.push('outline: 3px dashed #1c7ed6 !important', 'outline-offset: 3px');
      if (decl.length) rules.push(`${node(id)} .cnode { ${decl.join('; ')}; }`);
      // Blocked ones fade, but never brighten a node that focus mode dimmed further.
      if (state === 'blocked') rules.push(`${node(id)} .cnode:not(.is-dimmed) { opacity: 0.55; filter: grayscale(0.7); }`);
      if (state === 'mastered') {
        // #237a36, not the outline's #2b8a3e: white on it is 5.4:1 (4.4:1 fell short of 4.5:1), in either theme.
        rules.push(`${node(id)}::after { content: "✓"; position: absolute; top: -9px; right: -9px; width: 20px; height: 20px; border-radius: 50%; background: #237a36; color: #fff; font: 700 12px/20px system-ui, sans-serif; text-align: center; pointer-events: none; }`);
      }
    }
  }
  if (sequence) {
    for (const [id, n] of sequence) {
      rules.push(
        `${node(id)}::before { content: "${n}"; position: absolute; top: -11px; left: -11px; z-index: 2; min-width: 22px; height: 22px; padding: 0 4px; box-sizing: border-box; border-radius: 11px; background: #5f3dc4; color: #fff; font: 700 12px/22px system-ui, sans-serif; text-align: center; pointer-events: none; }`,
      );
    }
  }
  if (diff) {
    for (const id of diff.competencies.added) rules.push(`${node(id)} .cnode { outline: 3px solid #2b8a3e !important; outline-offset: 3px; }`);
    for (const c of diff.competencies.changed) rules.push(`${node(c.id)} .cnode { outline: 3px solid #e67700 !important; outline-offset: 3px; }`);
  }
  return rules.join('\n');
}

/** The last learner status and suggested sequence per structure: an edit of the words keeps both (see `learnerStructure`). */
const standings = new WeakMap<LearnerStructure, { progress: LearnersState['progress']; learnerId: string; status: LearnerStatus }>();
const paths = new WeakMap<LearnerStructure, { status: LearnerStatus | null; sequence: Map<string, number> }>();

/** The overlay input for the current learner and options (null when nothing is to be shown). */
export function overlayInputOf(framework: Framework, s: LearnersState): OverlayInput | null {
  const learnerId = s.learnerId ?? (s.progress?.learners.length === 1 ? s.progress.learners[0]!.id : null);
  const structure = learnerStructure(framework);
  let kept = standings.get(structure);
  if (s.progress && learnerId && !(kept && kept.progress === s.progress && kept.learnerId === learnerId)) {
    kept = { progress: s.progress, learnerId, status: learnerStatus(framework, s.progress, learnerId) };
    standings.set(structure, kept);
  }
  const status = s.progress && learnerId ? kept!.status : null;
  let sequence: Map<string, number> | null = null;
  if (s.showPath) {
    let path = paths.get(structure);
    if (!path || path.status !== status) {
      const seq = suggestedSequence(framework, new Set(status?.mastered ?? []));
      paths.set(structure, (path = { status, sequence: new Map(seq.order.map((id, i) => [id, i + 1])) }));
    }
    sequence = path.sequence;
  }
  const input: OverlayInput = {
    framework,
    status: s.overlay ? status : null,
    sequence,
    diff: s.showDiff && s.compare ? comparisonDiff(s.compare, framework) : null,
  };
  return input.status || input.sequence || input.diff ? input : null;
}

/**
 * What the overlay's style sheet is made of: the same key, the same sheet. The sheet names competencies by
 * id, so it changes with the learner's standing, the path, the scale's colours, the competencies there are,
 * and what the comparison lists as added or changed — not with an edited statement.
 */
function sheetKey(input: OverlayInput): unknown[] {
  const d = input.diff;
  return [
    input.status,
    input.sequence,
    learnerStructure(input.framework),
    input.framework.phases,
    ...(d ? ['added', ...d.competencies.added, 'changed', ...d.competencies.changed.map((c) => c.id)] : []),
  ];
}

const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const installed = new WeakMap<EditorStore, () => void>();

/**
 * Keeps the overlay style sheet in `document.head` in step with the document and the learners
 * state, for as long as the window lives (the canvas stays coloured when the panel is closed).
 * Idempotent per editor store; returns the uninstall function.
 */
export function installLearnerOverlay(editor: EditorStore, learners: LearnersStore = defaultLearnersStore, doc: Document = document): () => void {
  const existing = installed.get(editor);
  if (existing) return existing;
  const style = doc.createElement('style');
  style.id = 'learners-overlay';
  style.setAttribute('data-testid', 'learners-overlay');
  doc.head.append(style);
  let last: { fw: Framework; s: LearnersState } | null = null;
  let sheet: { key: unknown[]; css: string } = { key: [], css: '' };
  const update = () => {
    const fw = editor.getSnapshot().doc.framework;
    const s = learners.getSnapshot();
    if (last && last.fw === fw && last.s === s) return;
    last = { fw, s };
    const input = overlayInputOf(fw, s);
    // a sheet of thousands of rules is written again only when what it says changed (not on every edit of a word)
    const key = input ? sheetKey(input) : [];
    if (sameKey(key, sheet.key)) return;
    const css = input ? overlayCss(input) : '';
    if (css !== sheet.css) style.textContent = css;
    sheet = { key, css };
  };
  const offA = editor.subscribe(update);
  const offB = learners.subscribe(update);
  update();
  const uninstall = () => {
    offA();
    offB();
    style.remove();
    installed.delete(editor);
  };
  installed.set(editor, uninstall);
  return uninstall;
}
