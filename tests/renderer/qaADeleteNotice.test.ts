import { describe, expect, it } from 'vitest';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import type { CompetencyId, LinkId } from '../../src-core/model/ids';
import { deleteSelection } from '../../src-renderer/src/canvas/actions';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

// Select all + Delete on a big map removes every competency, most of them off screen: the app says what
// went and that Undo brings it back. One card too: the keyboard focus moves on to another card, and a
// screen reader hears what was deleted (app/useKeyboard.ts).
function setup(n: number) {
  const fw = createFramework();
  const ids: CompetencyId[] = [];
  for (let i = 0; i < n; i++) {
    const c = createCompetency({ code: `C.${i}`, position: { x: i * 300, y: 0 } });
    fw.competencies[c.id] = c;
    ids.push(c.id);
  }
  for (let i = 1; i < n; i++) fw.prerequisites.set(`l${i}`, { id: `l${i}` as LinkId, from: ids[i - 1]!, to: ids[i]!, note: '' });
  const store = createEditorStore({ framework: fw });
  return { store, ids };
}

describe('deleting a selection', () => {
  it('says how many competencies and links went, and that Undo brings them back', () => {
    const { store, ids } = setup(5);
    store.setSession({ selection: { competencies: ids, links: [] } });
    deleteSelection(store);
    expect(Object.keys(store.getSnapshot().doc.framework.competencies)).toHaveLength(0);
    expect(store.getSnapshot().session.notice?.message).toBe('Deleted 5 competencies and 4 prerequisite links; Undo with Ctrl+Z brings them back.');
  });

  it('names one competency by its code, with the links that went with it', () => {
    const { store, ids } = setup(3);
    store.setSession({ selection: { competencies: [ids[1]!], links: [] } });
    deleteSelection(store);
    expect(store.getSnapshot().session.notice?.message).toBe('Deleted C.1 and 2 prerequisite links; Undo with Ctrl+Z brings it back.');
    store.setSession({ selection: { competencies: [ids[0]!], links: [] } });
    deleteSelection(store);
    expect(store.getSnapshot().session.notice?.message).toBe('Deleted C.0; Undo with Ctrl+Z brings it back.');
  });
});
