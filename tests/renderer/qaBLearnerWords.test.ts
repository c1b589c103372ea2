import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { createFramework } from '../../src-core/model/defaults';
import { learnerStatus } from '../../src-core/progress/mastery';
import { loadProgressFromText } from '../../src-renderer/src/features/learners/actions';
import { ClassView } from '../../src-renderer/src/features/learners/ClassView';
import { LearnerView } from '../../src-renderer/src/features/learners/LearnerView';
import { createLearnersStore, initialLearnersState } from '../../src-renderer/src/features/learners/learnersStore';
import { PacingView } from '../../src-renderer/src/features/learners/PacingView';
import { PathView } from '../../src-renderer/src/features/learners/PathView';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';
import { EditorContext } from '../../src-renderer/src/store/useEditor';

const root = join(import.meta.dirname, '../..');
const loaded = loadFrameworkText(readFileSync(join(root, 'tests/fixtures/progress/fractions-mini.json'), 'utf8'));
if (!loaded.ok) throw new Error(loaded.error.message);
const fw = loaded.value.framework;
const store = createLearnersStore(initialLearnersState(new Date('2026-02-01T00:00:00Z')));
const csv = 'learner,name,competency,phase,date\nana,Ana Lopez,G.1,Proficient,2026-01-12\nben,Ben Okafor,G.1,Developing,2026-01-12\n';
if (!loadProgressFromText(fw, csv, 'class.csv', store)) throw new Error('import failed');
const progress = store.getSnapshot().progress!;
const html = (el: ReactElement) => renderToString(createElement(EditorContext.Provider, { value: createEditorStore({ framework: fw }) }, el));
const text = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'");

describe('the learners panel in words a teacher and a screen reader follow', () => {
  it('names each class-summary count by its group and competency, not just "1"', () => {
    const out = html(createElement(ClassView, { fw, progress }));
    expect(out).toContain('aria-label="1 mastered in G.1"');
    expect(out).toContain('aria-label="1 in progress in G.1"');
    expect(out).toContain('aria-pressed="false"');
    expect(out).toMatch(/<p class="visually-hidden" role="status">/);
  });

  it('calls the learner by name in the path and the pacing plan', () => {
    const status = learnerStatus(fw, progress, 'ana');
    expect(text(html(createElement(PathView, { fw, status, learnerName: 'Ana Lopez' })))).toContain('Suggested sequence for Ana Lopez');
    expect(text(html(createElement(PacingView, { fw, status, learnerName: 'Ana Lopez' })))).toContain('Plan for Ana Lopez from where they stand now.');
  });

  it('says what to do on a framework with no competencies, instead of "Nothing left to learn" and a finish date before the start', () => {
    const empty = createFramework({}, new Date('2026-11-26T00:00:00Z'));
    const path = text(html(createElement(PathView, { fw: empty, status: null })));
    expect(path).not.toContain('Nothing left to learn');
    expect(path).toContain('This framework has no competencies yet: add some on the canvas (N)');
    const pacing = text(html(createElement(PacingView, { fw: empty, status: null })));
    expect(pacing).not.toMatch(/finishing by/);
    expect(pacing).toContain('This framework has no competencies yet: add some on the canvas (N), with estimated hours, to plan the weeks.');
  });

  it('says a learner who mastered everything has nothing left, by name', () => {
    const all = Object.values(fw.competencies)
      .map((c) => `ana,Ana Lopez,${c.code},Advanced,2026-01-12`)
      .join('\n');
    const s = createLearnersStore(initialLearnersState(new Date('2026-02-01T00:00:00Z')));
    expect(loadProgressFromText(fw, `learner,name,competency,phase,date\n${all}\n`, 'done.csv', s)).toBe(true);
    const status = learnerStatus(fw, s.getSnapshot().progress!, 'ana');
    expect(text(html(createElement(PathView, { fw, status, learnerName: 'Ana Lopez' })))).toContain('Nothing left to learn: Ana Lopez has mastered every competency.');
    const pacing = text(html(createElement(PacingView, { fw, status, learnerName: 'Ana Lopez' })));
    expect(pacing).toContain('Nothing left to plan: Ana Lopez has mastered every competency.');
    expect(pacing).not.toMatch(/finishing by/);
  });

  it('the Class view compares the learners side by side: mastered of all, working on, ready, last recorded', () => {
    const out = text(html(createElement(ClassView, { fw, progress })));
    const n = Object.keys(fw.competencies).length;
    expect(out).toContain('Each learner');
    expect(out).toContain(`Ana Lopez1 of ${n}`);
    expect(out).toMatch(new RegExp(`Ben Okafor0 of ${n}1\\d+2026-01-12`));
  });

  it('the record form asks for the learner by name', () => {
    expect(text(html(createElement(LearnerView, { fw, progress, learnerId: 'ana' })))).toContain('to record the phase Ana Lopez showed.');
  });

  it("a blocked competency's missing prerequisite is a button that says what it is, not just a code", () => {
    const out = html(createElement(LearnerView, { fw, progress, learnerId: 'ben' }));
    expect(out).toMatch(/aria-label="[^"]+, needed first — show it on the canvas"/);
  });

  it('a teacher reviews every record of a learner, newest first, with its evidence', () => {
    const withEvidence = { ...progress, records: [...progress.records, { ...progress.records[0]!, date: '2026-01-20', evidence: 'exit ticket 4' }] };
    const out = text(html(createElement(LearnerView, { fw, progress: withEvidence, learnerId: 'ana' })));
    expect(out).toContain('All records (2), newest first');
    expect(out.indexOf('2026-01-20')).toBeLessThan(out.indexOf('2026-01-12'));
    expect(out).toContain('exit ticket 4');
  });
});

describe('the canvas colours for the whole class', () => {
  it('says to choose a learner when "Whole class" is chosen (the canvas shows no colours then)', async () => {
    const { LearnersPanel } = await import('../../src-renderer/src/features/learners/LearnersPanel');
    const { learnersStore } = await import('../../src-renderer/src/features/learners/learnersStore');
    learnersStore.set({ progress, learnerId: null, overlay: true });
    expect(text(html(createElement(LearnersPanel)))).toContain('(choose a learner: the whole class has no one colour)');
    learnersStore.set({ learnerId: 'ana' });
    expect(text(html(createElement(LearnersPanel)))).not.toContain('choose a learner: the whole class');
    learnersStore.set({ progress: null, learnerId: null });
  });
});

describe('the pacing plan with dates a teacher mistyped', () => {
  it('says the target is before the start, and asks for a start date when it is cleared', async () => {
    const { learnersStore } = await import('../../src-renderer/src/features/learners/learnersStore');
    const status = learnerStatus(fw, progress, 'ana');
    learnersStore.set({ pacing: { hoursPerWeek: 3, startDate: '2026-11-26', targetDate: '2026-01-01' } });
    const out = text(html(createElement(PacingView, { fw, status, learnerName: 'Ana Lopez' })));
    expect(out).toContain('The target date (2026-01-01) is before the start (2026-11-26): choose a later target');
    expect(out).not.toContain('Not on pace');
    learnersStore.set({ pacing: { hoursPerWeek: 3, startDate: '', targetDate: '' } });
    expect(text(html(createElement(PacingView, { fw, status, learnerName: 'Ana Lopez' })))).toContain('Choose a start date to plan the weeks.');
    learnersStore.set({ pacing: { hoursPerWeek: 3, startDate: '2026-11-26', targetDate: '' } });
  });
});
