/** A teacher's window of the learners tests: a map with three competencies (FR.2 after FR.1), one history for the map and the progress. */
import { createLearnersStore, initialLearnersState, linkProgressHistory } from '../../../src-renderer/src/features/learners/learnersStore';
import { createEditorStore } from '../../../src-renderer/src/store/editorStore';
import { makeFramework } from '../../unit/progress/helpers';

/** The framework, its editor and a learners store linked to its history (today 2026-10-20), and ways to look at them. */
export function learnersWindow() {
  const fw = makeFramework([{ code: 'FR.1' }, { code: 'FR.2', after: ['FR.1'] }, { code: 'FR.3' }]);
  const editor = createEditorStore({ framework: fw });
  const store = createLearnersStore(initialLearnersState(new Date('2026-10-20T00:00:00Z')));
  linkProgressHistory(editor, store);
  const id = (code: string) => Object.values(fw.competencies).find((c) => c.code === code)!.id;
  const proficient = fw.phases.find((p) => p.threshold)!;
  /** The Undo and Redo labels. */
  const labels = () => [editor.getSnapshot().undoLabel, editor.getSnapshot().redoLabel];
  /** The failure notice of the history, if any. */
  const notice = () => editor.getSnapshot().session.notice?.message;
  return { fw, editor, store, id, proficient, labels, notice };
}
