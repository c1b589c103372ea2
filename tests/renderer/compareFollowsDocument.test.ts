import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../src-core/commands/command';
import { updateCompetency } from '../../src-core/commands/competencies';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { createFramework } from '../../src-core/model/defaults';
import { loadComparisonFromText } from '../../src-renderer/src/features/learners/actions';
import { createLearnersStore, followDocument } from '../../src-renderer/src/features/learners/learnersStore';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

// A designer compared this year's map with last year's, then opened another framework (or started a new one):
// the comparison stayed, colouring the other map as all added and listing all of it as changed, as if it were a
// new version of the first. It now closes, with a note, when another framework opens; another version of the
// same framework keeps it.

const root = join(import.meta.dirname, '../..');
const text = readFileSync(join(root, 'tests/fixtures/progress/fractions-mini.json'), 'utf8');
const loaded = loadFrameworkText(text);
if (!loaded.ok) throw new Error(loaded.error.message);
const fw = loaded.value.framework;

function setUp() {
  const editor = createEditorStore({ framework: fw, name: 'fractions.progressions' });
  const learners = createLearnersStore();
  const stop = followDocument(editor, learners);
  expect(loadComparisonFromText(fw, text, 'fractions-2025.progressions', learners)).toBe(true);
  expect(learners.getSnapshot().compare?.name).toBe('fractions-2025.progressions');
  return { editor, learners, stop };
}

describe('the comparison follows the document it was made for', () => {
  it('closes with a note when another framework opens', () => {
    const { editor, learners, stop } = setUp();
    editor.load({ framework: createFramework({ title: 'Other' }), name: 'other.progressions', docToken: null });
    const s = learners.getSnapshot();
    expect(s.compare).toBeNull();
    expect(s.message?.kind).toBe('info');
    expect(s.message?.text).toBe('The comparison with fractions-2025.progressions was closed: another framework is open. Compare again to see what changed in it.');
    stop();
  });

  it('stays for edits and for another version of the same framework', () => {
    const { editor, learners, stop } = setUp();
    const first = Object.values(fw.competencies)[0]!;
    const edited = applyCommand(fw, updateCompetency(first.id, { statement: 'A new statement' }));
    if (!edited.ok) throw new Error(edited.error.message);
    editor.load({ framework: edited.framework, name: 'fractions-v2.progressions', docToken: null });
    expect(learners.getSnapshot().compare?.name).toBe('fractions-2025.progressions');
    expect(learners.getSnapshot().message).toBeNull();
    stop();
  });

  it('stops following once unsubscribed', () => {
    const { editor, learners, stop } = setUp();
    stop();
    editor.load({ framework: createFramework({ title: 'Other' }), name: 'other.progressions', docToken: null });
    expect(learners.getSnapshot().compare).not.toBeNull();
  });
});
