import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addCompetency } from '../../src-core/commands';
import { loadFrameworkText, serializeFramework } from '../../src-core/format/frameworkFile';
import type { SchemaProblem } from '../../src-core/format/schemaErrors';
import type { DocToken, OpenedDocument } from '../../src-core/host/contract';
import { createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId } from '../../src-core/model/ids';
import { openDocument, openHanded, openRequested, saveDocument } from '../../src-renderer/src/app/documents';
import { looksLikeCasePackage } from '../../src-core/format/sniff';
import { startup } from '../../src-renderer/src/app/startup';
import { currentDialog, openDialog } from '../../src-renderer/src/dialogs/dialogState';
import { createMemoryHost } from '../../src-renderer/src/host/memoryHost';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

// A CASE package opened directly (Open…, Open Recent, a drop, the OS, ?open=) is imported as Import ▸
// CASE package "as a framework" does: a new document without a file, with the import report.

// A mapping that breaks the schema is damaged extension data or a bug: the test stands in for it.
const mapping = vi.hoisted(() => ({ problems: null as SchemaProblem[] | null }));
vi.mock('../../src-core/format/frameworkFile', async (original) => {
  const real = await original<typeof import('../../src-core/format/frameworkFile')>();
  return { ...real, schemaCheckFramework: (fw: Parameters<typeof real.schemaCheckFramework>[0]) => mapping.problems ?? real.schemaCheckFramework(fw) };
});

const root = join(import.meta.dirname, '../..');
const CASE_TEXT = readFileSync(join(root, 'tests/fixtures/case/sample.case-1.1.json'), 'utf8');
const CASE_TITLE = (JSON.parse(CASE_TEXT) as { CFDocument: { title: string } }).CFDocument.title;
const SOURCE = 'source:1' as DocToken;

function mine() {
  return createEditorStore({ framework: createFramework({ title: 'Mine' }), name: 'mine.json', docToken: 'mem:mine' as DocToken });
}

afterEach(() => {
  openDialog(null);
  mapping.problems = null;
  vi.unstubAllGlobals();
});

describe('telling a CASE package from a framework file', () => {
  it('by its parts, unless the file is marked as ours', () => {
    expect(looksLikeCasePackage(CASE_TEXT)).toBe(true);
    expect(looksLikeCasePackage(JSON.stringify({ CFPackage: { CFDocument: {} } }))).toBe(true);
    expect(looksLikeCasePackage(serializeFramework(createFramework({ title: 'CFDocument' })))).toBe(false);
    expect(looksLikeCasePackage('{ "format": "progressions.framework", "CFDocument": {} }')).toBe(false);
    expect(looksLikeCasePackage('{ "title": "no package here" }')).toBe(false);
  });
});

describe('opening a CASE package', () => {
  it('Open… imports it into a new, unsaved document named after the package, shows the report, and says so to the host', async () => {
    const host = createMemoryHost();
    const store = mine();
    host.nextOpen.push({ text: CASE_TEXT, name: 'state-math.json', docToken: null, sourceToken: SOURCE });
    await openDocument(store, host);
    const s = store.getSnapshot();
    expect(s.doc).toMatchObject({ name: CASE_TITLE, docToken: null, framework: { title: CASE_TITLE } });
    expect(s.dirty).toBe(true);
    expect(Object.keys(s.doc.framework.competencies).length).toBeGreaterThan(0);
    expect(s.session.banner).toBeNull();
    expect(s.session.notice?.message).toContain(`Opened “${CASE_TITLE}” from CASE 1.1 as a new framework (not saved yet)`);
    expect(host.handled).toEqual([{ token: SOURCE, outcome: 'imported' }]);
    const dialog = currentDialog();
    expect(dialog).toMatchObject({ kind: 'case-opened', fileName: 'state-math.json', outcome: { title: CASE_TITLE, version: '1.1' } });
    expect(dialog?.kind === 'case-opened' && dialog.outcome.report.read.items).toBeGreaterThan(0);
  });

  it('the same mapping as Import ▸ CASE package: the same competencies, links and domains', async () => {
    const { runCaseImport } = await import('../../src-renderer/src/dialogs/import/caseImport');
    const viaImport = runCaseImport(CASE_TEXT, 'state-math.json');
    if (!viaImport.ok || !viaImport.value.framework.ok) throw new Error('the fixture should import');
    const store = mine();
    await openHanded(store, createMemoryHost(), { text: CASE_TEXT, name: 'state-math.json', docToken: null }, () => true);
    const fw = store.getSnapshot().doc.framework;
    const want = viaImport.value.framework.framework;
    expect(Object.values(fw.competencies).map((c) => c.code).sort()).toEqual(Object.values(want.competencies).map((c) => c.code).sort());
    expect(fw.prerequisites.size).toBe(want.prerequisites.size);
    expect(fw.domains.map((d) => d.title)).toEqual(want.domains.map((d) => d.title));
  });

  it('Save asks where (Save As), never writes over the package, even where the host handed a token for it', async () => {
    const host = createMemoryHost();
    const caseToken = 'mem:case' as DocToken;
    host.files.set(caseToken, { name: 'state-math.json', text: CASE_TEXT });
    const store = mine();
    // the browser's File System Access API hands a token for any file it opens
    host.nextOpen.push({ text: CASE_TEXT, name: 'state-math.json', docToken: caseToken });
    await openDocument(store, host);
    expect(store.getSnapshot().doc.docToken).toBeNull();
    expect(await saveDocument(store, host)).toBe(false); // Save As cancelled: nothing written
    expect(host.files.get(caseToken)!.text).toBe(CASE_TEXT);
    host.nextSaveAsName.push('state-math-progression.json');
    expect(await saveDocument(store, host)).toBe(true);
    expect(host.files.get(caseToken)!.text).toBe(CASE_TEXT);
    const saved = [...host.files.values()].find((f) => f.name === 'state-math-progression.json')!;
    const back = loadFrameworkText(saved.text);
    expect(back.ok && back.value.framework.title).toBe(CASE_TITLE);
    expect(store.getSnapshot()).toMatchObject({ dirty: false, doc: { name: 'state-math-progression.json' } });
  });

  it('a package that cannot be read is explained as Import explains it; the open document stays; the host hears it was refused', async () => {
    const host = createMemoryHost();
    const store = mine();
    const text = JSON.stringify({ CFDocument: ['not', 'an', 'object'], CFItems: [] });
    const outcome = await openHanded(store, host, { text, name: 'broken.json', docToken: null, sourceToken: SOURCE }, () => true);
    expect(outcome).toBe('refused');
    const s = store.getSnapshot();
    expect(s.doc).toMatchObject({ name: 'mine.json', docToken: 'mem:mine', framework: { title: 'Mine' } });
    expect(s.session.banner?.text).toBe('Could not import broken.json: /CFDocument must be an object, found an array. (at /CFDocument)');
    expect(host.handled).toEqual([{ token: SOURCE, outcome: 'refused' }]);
    expect(currentDialog()).toBeNull();
  });

  it('a package whose mapped framework breaks the file format lists every problem, as the Import dialog does', async () => {
    const store = mine();
    const invalid = readFileSync(join(root, 'tests/fixtures/invalid/schema-problems-many.json'), 'utf8');
    const r = loadFrameworkText(invalid);
    if (r.ok) throw new Error('the fixture should break the schema');
    mapping.problems = r.error.details ?? [];
    expect(await openHanded(store, createMemoryHost(), { text: CASE_TEXT, name: 'state-math.json', docToken: null }, () => true)).toBe('refused');
    const banner = store.getSnapshot().session.banner!;
    expect(banner.text).toBe(
      'Could not open state-math.json as a framework: The framework mapped from this package does not match the framework file format (60 problems); its “progressions” extension data may be damaged. It can still be added as a standards set with Import ▸ CASE package.',
    );
    expect(banner.problems).toHaveLength(60);
    expect(store.getSnapshot().doc.framework.title).toBe('Mine');
  });

  it('from outside (a drop, the OS): unsaved changes are asked about first; kept, the package is refused', async () => {
    const host = createMemoryHost();
    const store = mine();
    store.run(addCompetency({ id: newId<CompetencyId>(), code: 'MY.1' }));
    const doc: OpenedDocument = { text: CASE_TEXT, name: 'state-math.json', docToken: null, sourceToken: SOURCE };
    const asked: string[] = [];
    expect(await openRequested(store, host, doc, (st) => (asked.push(st.getSnapshot().doc.name), false))).toBe('refused');
    expect(asked).toEqual(['mine.json']);
    expect(store.getSnapshot().doc.name).toBe('mine.json');
    expect(host.handled).toEqual([{ token: SOURCE, outcome: 'refused' }]);
    expect(await openRequested(store, host, doc, () => true)).toBe('imported');
    expect(store.getSnapshot().doc.name).toBe(CASE_TITLE);
  });

  it('edits made while the package is read are asked about too', async () => {
    const store = mine();
    const asked: number[] = [];
    const pending = openHanded(store, createMemoryHost(), { text: CASE_TEXT, name: 'state-math.json', docToken: null }, () => (asked.push(1), false));
    store.run(addCompetency({ id: newId<CompetencyId>(), code: 'MY.2' }));
    expect(await pending).toBe('refused');
    expect(asked).toEqual([1]);
    expect(Object.values(store.getSnapshot().doc.framework.competencies).map((c) => c.code)).toEqual(['MY.2']);
  });

  it('a framework file opens as before, with its token; a broken one is refused and the host told', async () => {
    const host = createMemoryHost();
    const store = mine();
    const token = 'mem:9' as DocToken;
    expect(await openHanded(store, host, { text: serializeFramework(createFramework({ title: 'Theirs' })), name: 'theirs.json', docToken: token })).toBe('opened');
    expect(store.getSnapshot()).toMatchObject({ dirty: false, doc: { name: 'theirs.json', docToken: token } });
    expect(host.handled).toEqual([]);
    expect(await openHanded(store, host, { text: '{ "format": "progressions.framework", ', name: 'broken.json', docToken: 'mem:10' as DocToken })).toBe('refused');
    expect(host.handled).toEqual([{ token: 'mem:10', outcome: 'refused' }]);
    expect(store.getSnapshot().doc.name).toBe('theirs.json');
  });
});

describe('?open= with a CASE package', () => {
  const at = (url: string) => new URL(url) as unknown as Location;

  it('imports a same-origin package as a new framework, with the report', async () => {
    const fetch = vi.fn(async () => new Response(CASE_TEXT, { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const store = createEditorStore({ framework: createFramework() });
    await startup(store, at('http://host.test/viewer/index.html?open=/case/state-math.json'));
    expect(fetch).toHaveBeenCalledWith('http://host.test/case/state-math.json');
    expect(store.getSnapshot()).toMatchObject({ dirty: true, doc: { name: CASE_TITLE, docToken: null, framework: { title: CASE_TITLE } } });
    expect(currentDialog()).toMatchObject({ kind: 'case-opened', fileName: 'state-math.json' });
  });

  it('a framework file by ?open= opens exactly as before: clean, under its file name', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(serializeFramework(createFramework({ title: 'Published' })), { status: 200 })));
    const store = createEditorStore({ framework: createFramework() });
    await startup(store, at('http://host.test/viewer/index.html?open=frameworks/math.json'));
    expect(store.getSnapshot()).toMatchObject({ dirty: false, doc: { name: 'math.json', docToken: null, framework: { title: 'Published' } } });
    expect(currentDialog()).toBeNull();
  });
});
