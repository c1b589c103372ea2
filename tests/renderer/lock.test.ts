import { describe, expect, it } from 'vitest';
import { addComment } from '../../src-core/commands/comments';
import { addCompetency, updateCompetency } from '../../src-core/commands/competencies';
import { updateFrameworkMeta } from '../../src-core/commands/framework';
import { createFramework } from '../../src-core/model/defaults';
import { newId, type CommentId, type CompetencyId } from '../../src-core/model/ids';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

const NOTICE = 'This framework is adopted and locked. Unlock to edit.';

function setup() {
  const store = createEditorStore({ framework: createFramework({ title: 'Fractions' }) });
  const id = newId<CompetencyId>();
  expect(store.run(addCompetency({ id, code: 'FR.1', statement: 'Before' })).ok).toBe(true);
  expect(store.run(updateFrameworkMeta({ status: 'adopted' })).ok).toBe(true);
  return { store, id };
}
const fw = (s: ReturnType<typeof setup>['store']) => s.getSnapshot().doc.framework;

describe('review lock: adopted and deprecated frameworks refuse edits until unlocked', () => {
  it('refuses a document edit with the lock notice and changes nothing', () => {
    const { store, id } = setup();
    expect(store.getSnapshot().locked).toBe(true);
    const before = store.getSnapshot();
    const r = store.run(updateCompetency(id, { statement: 'After' }));
    expect(r).toEqual({ ok: false, error: { code: 'locked', message: NOTICE } });
    const after = store.getSnapshot();
    expect(after.doc).toBe(before.doc);
    expect(after.undoDepth).toBe(before.undoDepth);
    expect(after.session.notice).toMatchObject({ kind: 'error', message: NOTICE });
    expect(store.run(addCompetency({ id: newId<CompetencyId>(), code: 'FR.2' })).ok).toBe(false);
    expect(Object.keys(fw(store).competencies)).toHaveLength(1);
  });

  it('a framework opened as adopted (or deprecated) is locked from the start', () => {
    const store = createEditorStore({ framework: createFramework() });
    store.load({ framework: { ...createFramework(), status: 'deprecated' }, name: 'old.json', docToken: null });
    expect(store.getSnapshot().locked).toBe(true);
    const r = store.run(addCompetency({ id: newId<CompetencyId>(), code: 'X' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('This framework is deprecated and locked. Unlock to edit.');
    store.load({ framework: createFramework(), name: 'new.json', docToken: null });
    expect(store.getSnapshot().locked).toBe(false);
  });

  it('still lets the status change and review comments through, but not other metadata', () => {
    const { store } = setup();
    expect(store.run(addComment({ id: newId<CommentId>(), target: { kind: 'framework' }, author: 'Ms. Diaz', text: 'Looks good', createdAt: '2026-01-01T00:00:00Z', resolved: false })).ok).toBe(true);
    expect(store.run(updateFrameworkMeta({ title: 'Renamed' })).ok).toBe(false);
    expect(store.run(updateFrameworkMeta({ status: 'draft', title: 'Renamed' })).ok).toBe(false);
    expect(fw(store).title).toBe('Fractions');
    expect(store.run(updateFrameworkMeta({ status: 'draft' })).ok).toBe(true);
    expect(store.getSnapshot().locked).toBe(false);
    expect(store.run(updateFrameworkMeta({ title: 'Renamed' })).ok).toBe(true);
  });

  it('unlock is session state: edits work, it is not undoable, and a new adoption locks again', () => {
    const { store, id } = setup();
    const depth = store.getSnapshot().undoDepth;
    store.unlock();
    expect(store.getSnapshot().locked).toBe(false);
    expect(store.getSnapshot().lockable).toBe(true);
    expect(store.getSnapshot().undoDepth).toBe(depth);
    expect(fw(store).status).toBe('adopted');
    expect(store.run(updateCompetency(id, { statement: 'After' })).ok).toBe(true);
    // Undo of an edit made while unlocked works while still unlocked.
    expect(store.undo()).not.toBeNull();
    expect(fw(store).competencies[id]!.statement).toBe('Before');
    store.lock();
    expect(store.getSnapshot().locked).toBe(true);
    store.unlock();
    expect(store.run(updateFrameworkMeta({ status: 'in-review' })).ok).toBe(true);
    expect(store.run(updateFrameworkMeta({ status: 'adopted' })).ok).toBe(true);
    expect(store.getSnapshot().locked).toBe(true);
  });

  it('undo steps back over the adoption (unlocking), but not over content edits while locked', () => {
    const { store, id } = setup();
    // The last step is the status change: undoing it is allowed and the framework is a draft again.
    expect(store.undo()).toBe('edit framework status');
    expect(fw(store).status).toBe('draft');
    expect(store.getSnapshot().locked).toBe(false);
    // Redo re-adopts (status-only step), which locks again.
    expect(store.redo()).toBe('edit framework status');
    expect(store.getSnapshot().locked).toBe(true);

    // Content edits made before the adoption cannot be undone while locked …
    store.unlock();
    store.run(updateCompetency(id, { statement: 'Unlocked edit' }));
    store.lock();
    const before = store.getSnapshot();
    expect(store.undo()).toBeNull();
    expect(store.getSnapshot().doc).toBe(before.doc);
    expect(store.getSnapshot().session.notice?.message).toBe(NOTICE);
    // … and work again after unlocking.
    store.unlock();
    expect(store.undo()).not.toBeNull();
    expect(fw(store).competencies[id]!.statement).toBe('Before');
  });

  it('does not lock draft or in-review frameworks, and Unlock/Lock do nothing there', () => {
    const store = createEditorStore({ framework: createFramework() });
    store.unlock();
    expect(store.getSnapshot().session.editUnlocked).toBe(false);
    expect(store.getSnapshot()).toMatchObject({ locked: false, lockable: false });
    expect(store.run(updateFrameworkMeta({ status: 'in-review' })).ok).toBe(true);
    expect(store.run(addCompetency({ id: newId<CompetencyId>(), code: 'X' })).ok).toBe(true);
  });
});

describe('starting a new draft of a locked framework', () => {
  it('is allowed while locked (status and version in one step), unlocks, and undo brings back the adopted version, locked', async () => {
    const { startNewDraft } = await import('../../src-core/commands/framework');
    const { store } = setup();
    expect(store.getSnapshot().locked).toBe(true);
    const version = fw(store).version;
    const r = store.run(startNewDraft());
    expect(r.ok).toBe(true);
    expect(fw(store).status).toBe('draft');
    expect(store.getSnapshot().locked).toBe(false);
    expect(store.undo()).toMatch(/^start a new draft/);
    expect(fw(store).status).toBe('adopted');
    expect(fw(store).version).toBe(version);
    expect(store.getSnapshot().locked).toBe(true);
    expect(store.redo()).toMatch(/^start a new draft/);
    expect(fw(store).status).toBe('draft');
  });

  it('a version change alone (or with another locked status) is still refused while locked', () => {
    const { store } = setup();
    expect(store.run(updateFrameworkMeta({ version: '9' })).ok).toBe(false);
    expect(store.run(updateFrameworkMeta({ status: 'deprecated', version: '9' })).ok).toBe(false);
    expect(store.run(updateFrameworkMeta({ status: 'draft', version: '9' })).ok).toBe(true);
  });
});
