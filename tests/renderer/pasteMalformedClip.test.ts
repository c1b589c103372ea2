import { describe, expect, it } from 'vitest';
import { addCompetency } from '../../src-core/commands';
import { schemaCheckFramework } from '../../src-core/format/frameworkFile';
import { createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId } from '../../src-core/model/ids';
import { pasteText } from '../../src-renderer/src/canvas/actions';
import { copyClip } from '../../src-renderer/src/canvas/clipboard/clip';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

/** A clip of one competency, changed by `edit` (a clip from another version, or edited by hand). */
function clipWith(edit: (c: Record<string, unknown>) => void): string {
  const src = createEditorStore({ framework: createFramework() });
  const id = newId<CompetencyId>();
  src.run(addCompetency({ id, code: 'C.1', statement: 'Copied', educationLevels: ['03'] }));
  const clip = JSON.parse(copyClip(src.getSnapshot().doc.framework, [id])) as { competencies: Record<string, unknown>[] };
  edit(clip.competencies[0]!);
  return JSON.stringify(clip);
}

describe('pasting a clip the framework format cannot hold', () => {
  it('refuses it with what is wrong, and the document stays as it was (it crashed the canvas and the inspector)', () => {
    for (const [edit, says] of [
      [(c: Record<string, unknown>) => (c.educationLevels = '03'), 'education levels'],
      [(c: Record<string, unknown>) => (c.evidenceTypes = 'product'), 'evidence'],
      [(c: Record<string, unknown>) => (c.estimatedHours = 'lots'), 'estimated hours'],
      [(c: Record<string, unknown>) => (c.statement = null), 'statement'],
    ] as const) {
      const store = createEditorStore({ framework: createFramework() });
      const before = store.getSnapshot().doc.framework;
      expect(pasteText(store, clipWith(edit))).toBe(true);
      const s = store.getSnapshot();
      expect(s.doc.framework).toBe(before);
      expect(s.session.notice?.kind).toBe('error');
      expect(s.session.notice?.message).toMatch(/^Could not paste: the copied competencies are not in a form this version reads \(competency “C\.1”/);
      expect(s.session.notice?.message.toLowerCase()).toContain(says);
    }
  });

  it('a clip of an older version that lacks a field (“I can”, pinned, a link note) is still pasted, with defaults', () => {
    const store = createEditorStore({ framework: createFramework() });
    expect(pasteText(store, clipWith((c) => { delete c.iCan; delete c.pinned; delete c.notes; }))).toBe(true);
    const fw = store.getSnapshot().doc.framework;
    expect(Object.values(fw.competencies).map((c) => [c.code, c.iCan])).toEqual([['C.1', '']]);
    expect(schemaCheckFramework(fw)).toEqual([]);
  });

  it('a sound clip is still pasted and the document stays valid', () => {
    const store = createEditorStore({ framework: createFramework() });
    expect(pasteText(store, clipWith(() => {}))).toBe(true);
    const fw = store.getSnapshot().doc.framework;
    expect(Object.values(fw.competencies).map((c) => c.code)).toEqual(['C.1']);
    expect(schemaCheckFramework(fw)).toEqual([]);
  });
});
