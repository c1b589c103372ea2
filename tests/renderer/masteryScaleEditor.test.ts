import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createFramework } from '../../src-core/model/defaults';
import { MasteryScaleEditor } from '../../src-renderer/src/panels/framework/MasteryScaleEditor';
import { createEditorStore, type EditorStore } from '../../src-renderer/src/store/editorStore';
import { EditorContext } from '../../src-renderer/src/store/useEditor';

const shown = (store: EditorStore) => renderToString(createElement(EditorContext.Provider, { value: store }, createElement(MasteryScaleEditor)));

/** The `<button …>` whose aria-label is `label`. */
function button(html: string, label: string): string {
  const m = new RegExp(`<button[^>]*aria-label="${label}"[^>]*>`).exec(html);
  if (!m) throw new Error(`no button ${label}`);
  return m[0];
}

describe('mastery scale editor', () => {
  it('the threshold phase cannot be removed: its Remove button is disabled and says why (no confirmation that is then refused)', () => {
    const store = createEditorStore({ framework: createFramework({ title: 'T' }) });
    const phases = store.getSnapshot().doc.framework.phases;
    const threshold = phases.find((p) => p.threshold)!;
    const other = phases.find((p) => !p.threshold)!;
    const html = shown(store);
    expect(button(html, `Remove ${threshold.label}`)).toContain('disabled');
    expect(button(html, `Remove ${threshold.label}`)).toContain('make another phase the threshold first');
    expect(button(html, `Remove ${other.label}`)).not.toContain('disabled');
  });
});
