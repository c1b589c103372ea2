import { loadFrameworkText, serializeFramework } from '../../../src-core/format/frameworkFile';
import { looksLikeCasePackage } from '../../../src-core/format/sniff';
import type { DocToken, HostApi, HostEvents, OpenedDocument } from '../../../src-core/host/contract';
import { createFramework } from '../../../src-core/model/defaults';
import { lanesOverlap } from '../../../src-core/layout/lanePlacement';
import type { EditorStore } from '../store/editorStore';
import { problemLines } from './BannerProblems';
import { openCasePackage } from './openCasePackage';
import { askSaveConflict, type SaveConflict, type SaveConflictChoice } from './saveConflict';
import { confirmAction } from '../dialogs/confirm';

/** A file name for a framework: its title in kebab case. */
export function suggestedFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'framework'}.json`;
}

/** Asks whether unsaved changes may go: true at once when there are none. */
export type AskDiscard = (store: EditorStore) => boolean | Promise<boolean>;

/**
 * Asks before throwing away unsaved changes, in the app's own confirm dialog (Cancel has the focus, so
 * Enter keeps the work). Resolves true when there is nothing unsaved or the user chose to discard it.
 */
export async function confirmDiscard(store: EditorStore): Promise<boolean> {
  const s = store.getSnapshot();
  if (!s.dirty) return true;
  return confirmAction({ title: 'Discard unsaved changes?', message: `Discard the unsaved changes to “${s.doc.name}”?`, confirmLabel: 'Discard changes' });
}

/** Loads framework text into the editor; on failure shows why in the banner and keeps the current document. */
export function loadText(store: EditorStore, text: string, name: string, docToken: DocToken | null, opts: { dirty?: boolean } = {}): boolean {
  const r = loadFrameworkText(text);
  if (!r.ok) {
    const problems = r.error.details ?? [];
    if (r.error.code === 'schema' && problems.length > 1) {
      // Every problem, each where it is in words (the banner lists them): one round of fixes, not one per open.
      const text = `Could not open ${name}: it does not match the framework file format (${problems.length} problems).`;
      store.setSession({ banner: { text, problems: problemLines(problems) } });
    } else {
      store.setSession({ banner: { text: `Could not open ${name}: ${r.error.message}` } });
    }
    return false;
  }
  store.load({ framework: r.value.framework, name, docToken }, opts);
  lanesToMatch(store);
  if (r.value.migrated.length) store.notify('info', `${name} was upgraded from format version ${r.value.formatVersion}; saving writes the current version.`);
  return true;
}

/** What came of a file handed over to open: shown as that file, imported (a CASE package), or refused. */
export type OpenOutcome = 'opened' | 'imported' | 'refused';

/**
 * Opens a file the host handed over — Open…, Open Recent, a drop, the OS or the command line, `?open=` — in
 * this window (unsaved changes were asked about before). A framework file becomes the document, with its
 * token to save back with. A CASE package is imported as Import ▸ CASE package "as a framework" does, into
 * a new document without a file (see `openCasePackage`): it is not that file, so nothing is ever saved over
 * it and the host neither watches it nor checks it at Save. Anything else is explained in the banner and the
 * document stays. The host is told what became of a file it does not see shown (`openHandled`): it lists an
 * imported package as recent, and a window that refused a file takes the next one.
 */
export async function openHanded(
  store: EditorStore,
  host: Pick<HostApi, 'openHandled'>,
  doc: OpenedDocument,
  ask: AskDiscard = confirmDiscard,
): Promise<OpenOutcome> {
  if (!looksLikeCasePackage(doc.text)) {
    if (loadText(store, doc.text, doc.name, doc.docToken)) return 'opened';
    answerHandover(host, doc, 'refused');
    return 'refused';
  }
  const outcome = (await openCasePackage(store, doc.text, doc.name, ask)) ? 'imported' : 'refused';
  answerHandover(host, doc, outcome);
  return outcome;
}

/** Tells the host what became of a file it handed over and the page does not show as that file. */
function answerHandover(host: Pick<HostApi, 'openHandled'>, doc: OpenedDocument, outcome: 'imported' | 'refused'): void {
  const token = doc.sourceToken ?? doc.docToken;
  if (token) host.openHandled({ token, outcome }).catch(() => undefined);
}

/**
 * A file from outside the page (`file:openRequested`: a drop, the OS, the command line, the desktop's menu):
 * unsaved changes are asked about first, as for Open…; kept, the file is refused.
 */
export async function openRequested(
  store: EditorStore,
  host: Pick<HostApi, 'openHandled'>,
  doc: OpenedDocument,
  ask: AskDiscard = confirmDiscard,
): Promise<OpenOutcome> {
  if (!(await ask(store))) {
    answerHandover(host, doc, 'refused');
    return 'refused';
  }
  return openHanded(store, host, doc, ask);
}

/**
 * The lanes turn to match the map just opened: a map laid out in rows opens with rows even where
 * columns were used last (and the other way round), when its lanes would overlap in the current
 * orientation and not in the other. The orientation is a view setting: nothing in the document changes.
 */
function lanesToMatch(store: EditorStore): void {
  const s = store.getSnapshot();
  const cur = s.session.laneOrientation;
  if (cur === 'none') return;
  const other = cur === 'horizontal' ? 'vertical' : 'horizontal';
  const fw = s.doc.framework;
  const cards = Object.values(fw.competencies);
  if (lanesOverlap(cards, fw.domains, cur) && !lanesOverlap(cards, fw.domains, other)) store.setSession({ laneOrientation: other });
}

/**
 * Brings an unsaved document back from the recovery journal into this window. Unsaved work already here
 * (edits, or a document restored a moment ago from the same offer) is not replaced without asking: its
 * recovery copy would go with it. `kept`: the user said no (the entry stays, to restore elsewhere or later).
 */
export async function restoreRecovered(
  store: EditorStore,
  host: Pick<HostApi, 'restoreRecovery' | 'openHandled'>,
  id: string,
  ask: AskDiscard = confirmDiscard,
): Promise<'restored' | 'kept' | 'failed'> {
  if (store.getSnapshot().dirty && !(await ask(store))) return 'kept';
  const r = await host.restoreRecovery({ id });
  if (!r.ok) {
    store.setSession({ banner: { text: r.error.message } });
    return 'failed';
  }
  if (loadText(store, r.value.text, r.value.name, r.value.docToken, { dirty: true })) return 'restored';
  answerHandover(host, r.value, 'refused');
  return 'failed';
}

/**
 * The open document's file was changed or removed by another program (`file:changedOnDisk`). Changed:
 * Reload brings it in (unsaved edits go, after asking), Cancel keeps this version — as unsaved, since the
 * file no longer holds it. Removed: nothing to reload; the user is told, and the document is unsaved.
 */
export async function fileChangedOnDisk(
  store: EditorStore,
  host: Pick<HostApi, 'openRecent' | 'openHandled'>,
  ev: HostEvents['file:changedOnDisk'],
  confirm: (question: string) => boolean | Promise<boolean> = (q) => confirmAction({ title: 'Changed by another program', message: q, confirmLabel: 'Reload', cancelLabel: 'Keep mine' }),
): Promise<void> {
  const s = store.getSnapshot();
  if (s.doc.docToken !== ev.docToken) return;
  if (ev.change === 'removed') {
    store.markUnsaved();
    store.setSession({
      banner: { text: `${ev.name} was moved or deleted by another program. Your version is still open here: Save asks before putting it back there; Save As… saves it somewhere else.` },
    });
    return;
  }
  const ask = s.dirty
    ? `${ev.name} was changed by another program. Reload it and lose your unsaved changes? (Cancel keeps your version.)`
    : `${ev.name} was changed by another program. Reload it? (Cancel keeps your version, unsaved.)`;
  if (!(await confirm(ask))) return store.markUnsaved();
  const r = await host.openRecent({ docToken: ev.docToken });
  if (!r.ok) return store.setSession({ banner: { text: r.error.message } });
  if (!loadText(store, r.value.text, r.value.name, r.value.docToken)) answerHandover(host, r.value, 'refused');
}

export async function newDocument(store: EditorStore): Promise<void> {
  if (!(await confirmDiscard(store))) return;
  store.load({ framework: createFramework(), name: 'Untitled framework', docToken: null });
}

export async function openDocument(store: EditorStore, host: HostApi): Promise<void> {
  if (!(await confirmDiscard(store))) return;
  const r = await host.openFile();
  if (!r.ok) return store.setSession({ banner: { text: r.error.message } });
  if (r.value) await openHanded(store, host, r.value);
}

/**
 * Saves (back to its file when it has one, else Save As). The revision being saved becomes clean even
 * if the user edits while the host writes. A failed save keeps the document dirty and says why.
 */
export async function saveDocument(
  store: EditorStore,
  host: HostApi,
  opts: { as?: boolean; askConflict?: (c: SaveConflict) => Promise<SaveConflictChoice> } = {},
): Promise<boolean> {
  const { doc } = store.getSnapshot();
  const text = serializeFramework(doc.framework);
  const revision = doc.revision;
  let r =
    doc.docToken && !opts.as
      ? await host.saveFile({ docToken: doc.docToken, text })
      : await host.saveFileAs({ suggestedName: doc.name.endsWith('.json') ? doc.name : suggestedFileName(doc.framework.title), text });
  if (!r.ok && doc.docToken && (r.error.code === 'changed-on-disk' || r.error.code === 'removed-on-disk')) {
    // Someone else changed (or moved) the file since it was opened or saved here: nothing is replaced
    // without asking.
    const kind = r.error.code === 'removed-on-disk' ? 'removed' : 'changed';
    const choice = await (opts.askConflict ?? askSaveConflict)({ name: doc.name, kind, message: r.error.message, backup: host.kind === 'electron' });
    if (choice === 'cancel') {
      store.notify('info', `Not saved: “${doc.name}” on disk was left as it is; your changes are still here, unsaved.`);
      return false;
    }
    if (choice === 'reload') {
      // the user dropped their changes (the button says so): the version on disk comes in, nothing is written
      const opened = await host.openRecent({ docToken: doc.docToken });
      if (!opened.ok) store.setSession({ banner: { text: opened.error.message } });
      else if (!loadText(store, opened.value.text, opened.value.name, opened.value.docToken)) answerHandover(host, opened.value, 'refused');
      return false;
    }
    r =
      choice === 'replace'
        ? await host.saveFile({ docToken: doc.docToken, text, overwrite: true })
        : await host.saveFileAs({ suggestedName: mineName(doc.name), text });
  }
  if (!r.ok) {
    store.setSession({ banner: { text: r.error.message } });
    return false;
  }
  if (!r.value) return false; // cancelled
  store.markSaved(r.value, revision);
  void host.clearJournal({ id: journalId });
  if (host.kind === 'browser' && r.value.docToken === null) {
    // The download fallback (no File System Access API): a copy handed to the browser, which may ask where
    // to put it and may be cancelled or blocked there; the page cannot know whether it was kept.
    store.notify(
      'info',
      `Your browser was given ${r.value.name} to download: check that it was kept (in your downloads, unless the browser asked where). A file you opened is not changed: this browser cannot save back to it.`,
    );
  } else store.notify('info', `Saved ${r.value.name}`);
  return true;
}

/** "plan.json" → "plan (mine).json": Save As… after a conflict suggests a name beside the other version. */
function mineName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (mine)${name.slice(dot)}` : `${name} (mine)`;
}

/** This window's recovery-journal id. */
export const journalId: string = globalThis.crypto?.randomUUID?.() ?? String(Date.now());
