import { describe, expect, it } from 'vitest';
import { noticeDuration } from '../../src-renderer/src/app/Notices';

describe('notices stay long enough to read', () => {
  it('a one-line tip stays at least 4 s, a long hint long enough to read at 15 characters a second, an error at least 9 s', () => {
    expect(noticeDuration({ kind: 'info', message: 'Saved.' })).toBe(4000);
    const tip = 'Select two competencies (the prerequisite first, then Shift+click the next) and press K to link them.';
    expect(noticeDuration({ kind: 'info', message: tip })).toBeGreaterThanOrEqual((tip.length / 15) * 1000 - 1);
    expect(noticeDuration({ kind: 'info', message: tip })).toBeGreaterThan(2600); // what it was: gone before half of it was read
    expect(noticeDuration({ kind: 'error', message: 'This framework is adopted and locked. Unlock to edit.' })).toBe(9000);
  });
});

describe('notices reach a screen reader', () => {
  it('the live regions are on the page before any notice, and a notice is written into them', async () => {
    const { createElement } = await import('react');
    const { renderToString } = await import('react-dom/server');
    const { Notices } = await import('../../src-renderer/src/app/Notices');
    const { createEditorStore } = await import('../../src-renderer/src/store/editorStore');
    const { EditorContext } = await import('../../src-renderer/src/store/useEditor');
    const { createFramework } = await import('../../src-core/model/defaults');
    const store = createEditorStore({ framework: createFramework() });
    const render = () => renderToString(createElement(EditorContext.Provider, { value: store }, createElement(Notices)));
    expect(render()).toMatch(/<div role="status" data-testid="notice-live"><\/div>/);
    expect(render()).toMatch(/<div role="alert" data-testid="notice-live-error"><\/div>/);
    store.notify('info', 'Select two competencies and press K to link them.');
    expect(render()).toMatch(/<div role="status" data-testid="notice-live"><div class="toast toast-info" data-testid="notice">.*Select two competencies and press K to link them\./);
    store.notify('error', 'This framework is adopted and locked. Unlock to edit.');
    expect(render()).toMatch(/<div role="alert" data-testid="notice-live-error"><div class="toast toast-error" data-testid="notice">.*This framework is adopted and locked\. Unlock to edit\./);
  });
});
