import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { generateFramework } from '../../bench/generate';
import { classSummary, learnerStatus } from '../../src-core/progress/mastery';
import { suggestedSequence } from '../../src-core/progress/sequence';
import type { Progress } from '../../src-core/progress/types';
import { ClassView } from '../../src-renderer/src/features/learners/ClassView';
import { LearnerView } from '../../src-renderer/src/features/learners/LearnerView';
import { PathView } from '../../src-renderer/src/features/learners/PathView';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';
import { EditorContext } from '../../src-renderer/src/store/useEditor';

// QA (curriculum designer, 2,500 competencies, 30 learners): the Learners panel rendered every row of every list
// at once — 22,000 elements for one learner (ready, blocked, mastered, all records), 33,000 for the class table
// (2,600 ms frozen on opening the tab), 1,800 steps of the path. Each long list now shows its first rows and a
// "Show all N" button; the counts in the headings stay whole.

const fw = generateFramework({ competencies: 900, seed: 21, layout: false });
const comps = Object.values(fw.competencies);
const threshold = fw.phases.find((p) => p.threshold)!;
// ana mastered the first 400 competencies (one record each); ben has none
const progress: Progress = {
  frameworkId: fw.id,
  frameworkTitle: fw.title,
  learners: [
    { id: 'ana', name: 'Ana' },
    { id: 'ben', name: 'Ben' },
  ],
  records: comps.slice(0, 400).map((c) => ({ learnerId: 'ana', competencyId: c.id, phaseId: threshold.id, date: '2026-10-01', evidence: 'task' })),
};
const html = (el: ReactElement) => renderToString(createElement(EditorContext.Provider, { value: createEditorStore({ framework: fw }) }, el));
/** The markup of the element with `data-testid="<id>"` up to the next section. */
const section = (out: string, id: string) => out.slice(out.indexOf(`data-testid="${id}"`), out.indexOf('</section>', out.indexOf(`data-testid="${id}"`)));
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('long lists of the Learners panel on a big map', () => {
  const status = learnerStatus(fw, progress, 'ana');

  it("a learner's ready, blocked and mastered lists show 150 rows each and Show all, headings count them all", () => {
    expect(status.blocked.length).toBeGreaterThan(150);
    expect(status.mastered.length).toBe(400);
    const out = html(createElement(LearnerView, { fw, progress, learnerId: 'ana' }));
    const blocked = section(out, 'blocked');
    expect(blocked).toContain(`Blocked (<!-- -->${status.blocked.length}<!-- -->)`);
    expect(count(blocked, /<li>/g)).toBe(150);
    expect(blocked).toMatch(new RegExp(`data-testid="show-all-blocked">Show all <!-- -->${status.blocked.length}</button>`));
    const mastered = section(out, 'mastered');
    expect(count(mastered, /<li>/g)).toBe(150);
    expect(mastered).toContain('data-testid="show-all-mastered">Show all <!-- -->400</button>');
    // the record history: 150 rows of 400, and its Show all
    const history = out.slice(out.indexOf('data-testid="learner-records"'));
    expect(history).toContain('All records (<!-- -->400<!-- -->), newest first');
    expect(count(history, /<tr>/g)).toBe(1 + 150);
    expect(history).toContain('data-testid="show-all-records">Show all <!-- -->400<!-- --> records</button>');
  });

  it('a short list shows whole, with no Show all', () => {
    const out = html(createElement(LearnerView, { fw, progress, learnerId: 'ben' }));
    const ready = section(out, 'ready-next');
    expect(count(ready, /<li>/g)).toBe(learnerStatus(fw, progress, 'ben').ready.length);
    expect(ready).not.toContain('show-all-ready');
    expect(out).not.toContain('show-all-mastered');
  });

  it('the class table shows 300 competencies and Show all; the exported summary keeps every one', () => {
    const rows = classSummary(fw, progress);
    expect(rows.length).toBe(900);
    const out = html(createElement(ClassView, { fw, progress }));
    const table = out.slice(out.indexOf('Each competency'));
    expect(count(table, /<tr>/g)).toBe(1 + 300);
    expect(table).toContain('data-testid="show-all-class-rows">Show all <!-- -->900<!-- --> competencies</button>');
  });

  it('the suggested sequence lists its first 150 steps and Show all', () => {
    const seq = suggestedSequence(fw, new Set(status.mastered));
    expect(seq.order.length).toBe(500);
    const out = html(createElement(PathView, { fw, status, learnerName: 'Ana' }));
    const list = out.slice(out.indexOf('<ol class="lrn-seq">'), out.indexOf('</ol>'));
    expect(count(list, /<li/g)).toBe(150);
    expect(out).toContain('data-testid="show-all-steps">Show all <!-- -->500<!-- --> steps</button>');
  });
});
