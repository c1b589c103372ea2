import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import type { CompetencyId } from '../../src-core/model/ids';
import { createClipboardShortcuts, type ClipboardEventLike } from '../../src-renderer/src/app/clipboardShortcuts';
import { createEditorStore, type EditorStore } from '../../src-renderer/src/store/editorStore';

/**
 * A stand-in for the browser around the shortcuts: a system clipboard, the page's text selection, an
 * async clipboard whose writes land only when the test says so (a loaded machine), and the native
 * default of a copy event nobody prevented (it copies the selected page text).
 */
function browser(store: EditorStore) {
  const page = { selection: '', caret: false, system: '', pendingWrites: [] as (() => void)[], reads: 0 };
  const clip = createClipboardShortcuts(store, {
    selectedText: () => page.selection,
    clearSelection: () => {
      page.selection = '';
      page.caret = false;
    },
    clipboard: () => ({
      writeText: (t: string) => new Promise<void>((done) => page.pendingWrites.push(() => ((page.system = t), done()))),
      readText: () => (page.reads++, Promise.resolve(page.system)),
    }),
  });
  const event = (type: string, read: string) => {
    let data: string | null = null;
    let prevented = false;
    const e: ClipboardEventLike = {
      type,
      clipboardData: { getData: () => read, setData: (_f: string, t: string) => void (data = t) },
      preventDefault: () => void (prevented = true),
    };
    return { e, data: () => data, prevented: () => prevented };
  };
  return {
    page,
    /** A Shift+drag (box select) on the map: the browser extends the page's selection from its caret. */
    shiftDragOnCanvas() {
      clip.pointerDown(true);
      if (page.caret) page.selection = 'Undo: move 2 competencies';
    },
    /** Ctrl+C: the key press, then the copy event and its default. */
    copy() {
      clip.copyKey(false);
      const ev = event('copy', '');
      clip.copyEvent(ev.e, false);
      page.system = ev.prevented() ? (ev.data() ?? '') : page.selection;
    },
    /** Ctrl+V: the key press, then a paste event carrying `data` (the system clipboard by default). */
    async paste(data: string = page.system) {
      clip.pasteKey();
      const ev = event('paste', data);
      clip.pasteEvent(ev.e, false);
      await vi.advanceTimersByTimeAsync(100); // the key's fallback, had no paste event come
    },
    landWrites: () => page.pendingWrites.splice(0).forEach((w) => w()),
  };
}

function mapOf(n: number): { store: EditorStore; ids: CompetencyId[] } {
  const fw = createFramework({ title: 'Fractions' });
  const ids: CompetencyId[] = [];
  for (let i = 1; i <= n; i++) {
    const c = createCompetency({ code: `M.${i}`, statement: `Fractions ${i}`, position: { x: i * 300, y: 0 } });
    fw.competencies[c.id] = c;
    ids.push(c.id);
  }
  return { store: createEditorStore({ framework: fw }), ids };
}
const count = (store: EditorStore) => Object.keys(store.getSnapshot().doc.framework.competencies).length;
const selectAll = (store: EditorStore, ids: CompetencyId[]) => store.setSession({ selection: { competencies: ids, links: [] } });

describe('map clipboard shortcuts', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('copy then paste right away adds the copies after a box select (Shift+drag on the map), even with a slow async clipboard', async () => {
    const { store, ids } = mapOf(3);
    const b = browser(store);
    b.page.caret = true; // the last text clicked: a notice
    b.shiftDragOnCanvas();
    expect(b.page.selection).toBe('');
    selectAll(store, ids);
    b.copy();
    await b.paste(); // before the async clipboard write has landed
    expect(count(store)).toBe(6);
    expect(store.getSnapshot().session.selection.competencies).toHaveLength(3);
    b.landWrites();
    expect(JSON.parse(b.page.system)).toBeTruthy(); // the same clip, whichever write landed last
  });

  it('copies page text the user selected (not on the map) as text: the competencies do not overwrite it later', async () => {
    const { store, ids } = mapOf(2);
    const b = browser(store);
    selectAll(store, ids);
    b.page.selection = 'Add like fractions';
    b.copy();
    b.landWrites();
    expect(b.page.system).toBe('Add like fractions');
    await b.paste();
    expect(count(store)).toBe(2); // text is no clip
  });

  it('a paste event without text falls back to the system clipboard, then to the clip copied in this window', async () => {
    const { store, ids } = mapOf(2);
    const b = browser(store);
    selectAll(store, ids);
    b.copy();
    const clip = b.page.system;
    await b.paste(''); // the host's paste event carried no text; the system clipboard has the clip
    expect(count(store)).toBe(4);
    expect(b.page.reads).toBe(1);
    b.page.system = ''; // nothing readable either: the last clip copied here
    await b.paste('');
    expect(count(store)).toBe(6);
    expect(b.page.reads).toBe(2);
    await b.paste(clip); // a paste event with the clip: pasted once, no fallback read
    expect(count(store)).toBe(8);
    expect(b.page.reads).toBe(2);
  });

  it('pastes nothing for clipboard text that is no clip (not an older clip instead)', async () => {
    const { store, ids } = mapOf(2);
    const b = browser(store);
    selectAll(store, ids);
    b.copy();
    await b.paste('Compare fractions with unlike denominators');
    expect(count(store)).toBe(2);
    expect(b.page.reads).toBe(0);
  });
});
