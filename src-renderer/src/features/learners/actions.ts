import { encodingNotice, type TextEncodingName } from '../../../../src-core/format/decodeText';
import type { HostApi, SavedExport } from '../../../../src-core/host/contract';
import { readFrameworkAny } from '../../../../src-core/formats/readAny';
import type { Framework } from '../../../../src-core/model/types';
import { checkProgress, futureDatesNote } from '../../../../src-core/progress/checkProgress';
import { classSummaryCsv, progressCsvExport, progressTemplateCsv } from '../../../../src-core/progress/csvExports';
import { importProgressCsv, progressToCsv, type ProgressCsvError, type ProgressCsvOptions } from '../../../../src-core/progress/csv';
import { changeLogMarkdown, diffFrameworks } from '../../../../src-core/progress/diff';
import { loadProgressText, serializeProgress } from '../../../../src-core/progress/progressFile';
import { createProgress, type Progress, type ProgressRecord } from '../../../../src-core/progress/types';
import { localTodayIso } from '../../../../src-core/progress/dates';
import { problemLines } from '../../app/BannerProblems';
import { confirmAction } from '../../dialogs/confirm';
import { installHost } from '../../host/installHost';
import type { BannerProblem } from '../../store/session';
import { changeProgress, comparisonDiff, learnersStore, markProgressClean, progressHistoryOf, progressIsAsStepLeftIt, takeBackProgressStep, type LearnersMessage, type LearnersStore } from './learnersStore';
import type { AsideStep } from '../../store/editorStore';

/** The window's host (Electron preload or the browser host). */
export function host(): HostApi {
  return window.host ?? installHost();
}

let unsavedGuard = false;
/**
 * Closing or reloading the window with progress changed since it was imported or saved asks first
 * (progress is not in the framework file, nor in its crash recovery): the browser asks itself; in the
 * desktop app the main process asks (`will-prevent-unload`). Installed once per window.
 */
export function installUnsavedProgressGuard(store: LearnersStore = learnersStore): void {
  if (unsavedGuard || host().kind === 'memory') return;
  unsavedGuard = true;
  window.addEventListener('beforeunload', (e) => {
    if (store.getSnapshot().dirty && store.getSnapshot().progress) e.preventDefault();
  });
}

/** "1 record", "12 records" (a teacher with one student's file read "Opened 1 records for 1 learners"). */
function counted(n: number, one: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;
}

/**
 * "Saved the class summary as x.csv" — or, where the browser was handed a download it may not have kept
 * (cancelled, blocked, put elsewhere), that it was handed over and to check.
 */
export function savedAs(what: string, saved: SavedExport): string {
  return saved.downloaded ? `Your browser was given ${what} to download as ${saved.name} (check that it was kept)` : `Saved ${what} as ${saved.name}`;
}

/** A file name without its extension, safe for suggested names. */
function baseName(s: string): string {
  return (s.replace(/\.[^.]+$/, '').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'framework').slice(0, 80);
}

/** How the file was read: a file that was not UTF-8 says so in the message (`encodingNotice`). */
type LoadOptions = ProgressCsvOptions & { today?: string; encoding?: TextEncodingName };

/** What an undone import leaves open, as the panel says it: the progress open before it, or none. */
function backAfterUndo(store: LearnersStore): string {
  const before = store.getSnapshot();
  if (!before.progress) return ': no progress is open';
  return before.sourceName ? `: the progress from ${before.sourceName} is back` : ': the progress open before it is back';
}

/**
 * Reads progress text (a progress CSV or a progress file) for the open framework into the store.
 * Fails closed: a CSV with any bad row imports nothing and lists every bad row. A file the host read as
 * Windows-1252 (a CSV Excel saved as "CSV (Comma delimited)") says so under the message, imported or not.
 */
export function loadProgressFromText(fw: Framework, text: string, name: string, store: LearnersStore = learnersStore, options: LoadOptions = {}): boolean {
  const notice = encodingNotice(options.encoding);
  const loaded = readProgressText(fw, text, name, store, options, notice);
  // a refusal says it too (an imported file's message has it already, so that Redo shows it again)
  const message = store.getSnapshot().message;
  if (!loaded && notice && message) store.set({ message: { ...message, notice } });
  return loaded;
}

/** The history's Undo of `step` when it is the last step (as Ctrl+Z); false, and nothing done, otherwise. */
function undoIfLatest(store: LearnersStore, step: AsideStep): boolean {
  const history = progressHistoryOf(store);
  return history ? history.isLatest(step) && history.undo() !== null : step.undo();
}

/**
 * The Undo of an import's message: Ctrl+Z while the import is the last step; after later steps on the map, the
 * import alone is taken back as a step of its own (the progress before it, exactly). Once the progress itself was
 * changed since (a record, a learner added) the import cannot be taken back exactly: disabled, saying why.
 */
function importUndo(store: LearnersStore, step: () => AsideStep, what: string, back: string): NonNullable<LearnersMessage['action']> {
  return {
    label: 'Undo',
    laterLabel: 'Take back this import',
    laterHint: 'You made other changes since: this takes back only the import, as a step of its own (Undo puts it back).',
    step,
    blocked: () => (progressIsAsStepLeftIt(store, step()) ? null : 'The progress was changed since this import (a record, a learner added): undo those changes first (Ctrl+Z), then the import.'),
    run: () => {
      if (undoIfLatest(store, step())) return;
      const tookBack = `Took back ${what}${back}. Undo puts it back.`;
      const done = takeBackProgressStep(store, step(), `take back ${what}`, { message: { kind: 'info', text: tookBack } }, { undone: `Put back ${what}.`, redone: tookBack });
      if (!done) store.set({ message: { kind: 'info', text: `The progress was changed since ${what}: nothing was taken back. Undo those changes first (Ctrl+Z).` } });
    },
  };
}

function readProgressText(fw: Framework, text: string, name: string, store: LearnersStore, options: LoadOptions, notice: string | null): boolean {
  const today = options.today ?? store.getSnapshot().today ?? localTodayIso();
  const isJson = text.replace(/^\ufeff/, '').trimStart().startsWith('{');
  if (isJson) {
    const r = loadProgressText(text);
    if (!r.ok) {
      const problems = r.error.details ?? [];
      store.set({
        message:
          problems.length > 1
            ? { kind: 'error', text: `${name}: it does not match the progress file format (${problems.length} problems).`, problems: problemLines(problems) }
            : { kind: 'error', text: `${name}: ${r.error.message}` },
      });
      return false;
    }
    const warnings = checkProgress(fw, r.value).map((d) => d.message);
    const future = futureDatesNote(r.value, fw, today);
    if (future) warnings.push(future);
    // one undoable step: Ctrl+Z (or the message's Undo) puts back the progress it replaced
    markProgressClean(r.value);
    const back = backAfterUndo(store);
    const action = importUndo(store, () => opened, `the progress opened from ${name}`, back);
    const opened = changeProgress(
      store,
      `open progress ${name}`,
      { progress: r.value, sourceName: name, learnerId: r.value.learners[0]?.id ?? null },
      { message: { kind: 'info', text: `Opened ${counted(r.value.records.length, 'record')} for ${counted(r.value.learners.length, 'learner')} from ${name}.`, details: warnings, ...(notice ? { notice } : {}), action } },
      { undone: `Closed the progress opened from ${name}${back}.` },
    );
    return true;
  }
  const r = importProgressCsv(text, fw, options);
  if (!r.ok) {
    const message = csvErrorMessage(name, r.error, fw);
    // Dates a spreadsheet wrote its own way, all readable one way: offer to read them rather than send the teacher back to Excel.
    const dates = r.error.readDates;
    if (dates && !options.dateOrder) {
      message.text = `${name}: nothing was imported yet — ${dates.count === 1 ? 'a date is' : `${dates.count.toLocaleString('en-US')} dates are`} not written YYYY-MM-DD, e.g. "${dates.example.written}".`;
      message.action = { label: `Read dates like "${dates.example.written}" as ${dates.example.read} and import`, run: () => void loadProgressFromText(fw, text, name, store, { dateOrder: dates.order, today, encoding: options.encoding }) };
    }
    // Phases written as a gradebook's level numbers (1–4): offer to read them as the scale's levels.
    const levels = r.error.readPhaseNumbers;
    if (levels && dates && !options.phaseNumbers && !options.dateOrder) {
      message.text = `${name}: nothing was imported yet — its dates are not written YYYY-MM-DD (e.g. "${dates.example.written}") and its phases are numbers (e.g. "${levels.example.written}"); this framework's scale is ${fw.phases.map((x, i) => `${i + 1} ${x.label}`).join(', ')}.`;
      message.action = {
        label: `Read dates like "${dates.example.written}" as ${dates.example.read} and the numbers as the scale's levels ("${levels.example.written}" = ${levels.example.read}), and import`,
        run: () => void loadProgressFromText(fw, text, name, store, { dateOrder: dates.order, phaseNumbers: true, today, encoding: options.encoding }),
      };
    } else if (levels && !options.phaseNumbers) {
      const scale = fw.phases.map((x, i) => `${i + 1} ${x.label}`).join(', ');
      message.text = `${name}: nothing was imported yet — ${levels.count === 1 ? 'a phase is' : `${levels.count.toLocaleString('en-US')} phases are`} written as numbers, e.g. "${levels.example.written}". This framework's scale is ${scale}.`;
      message.action = { label: `Read the numbers as the scale's levels ("${levels.example.written}" = ${levels.example.read}) and import`, run: () => void loadProgressFromText(fw, text, name, store, { ...options, phaseNumbers: true, today }) };
    }
    store.set({ message });
    return false;
  }
  const p = r.value.progress;
  if (r.value.rows === 0) {
    // a header alone: nothing to import, and the progress already open is kept
    store.set({ message: { kind: 'error', text: `${name} has a header but no rows of progress below it: nothing was imported.` } });
    return false;
  }
  const future = futureDatesNote(p, fw, today);
  markProgressClean(p);
  const back = backAfterUndo(store);
  const imported = changeProgress(
    store,
    `import progress ${name}`,
    { progress: p, sourceName: name, learnerId: p.learners[0]?.id ?? null },
    {
      // Redo shows this message again: the encoding notice included
      message: {
        kind: 'info',
        text: `Imported ${counted(p.records.length, 'record')} for ${counted(p.learners.length, 'learner')} from ${name}.`,
        details: future ? [...r.value.notes, future] : r.value.notes,
        ...(notice ? { notice } : {}),
        action: importUndo(store, () => imported, `the import of ${name}`, back),
      },
    },
    { undone: `Took back the import of ${name}${back}.` },
  );
  return true;
}

/**
 * Why a progress CSV was refused, as the panel shows it. Problems in the rows are listed as the
 * open-error banner lists them: each where it is in words (row and column header) and what is wrong,
 * with its cell (`B3`) apart. A problem with the whole file (empty, a workbook, no header) is one line.
 */
export function csvErrorMessage(name: string, error: ProgressCsvError, fw?: Framework): LearnersMessage {
  const inRows = error.details.filter((d) => d.row !== undefined && d.code !== 'missing-column' && d.code !== 'empty');
  if (inRows.length === 0) return { kind: 'error', text: `${name}: ${error.message}` };
  const problems: BannerProblem[] = inRows.map((d) => (d.path ? { text: d.message, path: d.path } : { text: d.message }));
  const unlisted = error.total - error.details.length;
  if (unlisted > 0) problems.push({ text: `… and ${unlisted} more problem${unlisted === 1 ? '' : 's'} after these (not listed)` });
  const n = error.total;
  // Not one row names a competency of this framework: most likely progress for another framework.
  const unknownRows = new Set(error.details.filter((d) => d.code === 'unknown-competency').map((d) => d.row));
  if (fw && error.rows && error.total === error.details.length && unknownRows.size === error.rows) {
    return {
      kind: 'error',
      text: `${name}: nothing was imported — none of its ${error.rows.toLocaleString('en-US')} row${error.rows === 1 ? '' : 's'} names a competency of “${fw.title}”. Is it progress for another framework? Open that framework first, then import it.`,
      problems,
    };
  }
  return {
    kind: 'error',
    text: `${name}: nothing was imported — ${n === 1 ? 'a row has a problem' : `${n.toLocaleString('en-US')} problems in its rows`}. Fix ${n === 1 ? 'it' : 'them'} in the spreadsheet and import again.`,
    problems,
  };
}

/** The question asked before unsaved progress is replaced by an import, or null when nothing would be lost. */
export function replaceProgressQuestion(store: LearnersStore = learnersStore): string | null {
  const s = store.getSnapshot();
  if (!s.progress || !s.dirty) return null;
  return `Replace the progress open now${s.sourceName ? ` (${s.sourceName})` : ''}? What you recorded or added since it was opened is not saved: after the import, Undo (Ctrl+Z) brings it back until this window is closed or reloaded. To keep it for good: Cancel, then Save progress… before importing.`;
}

/**
 * Asks for a progress CSV or progress file and loads it (asking first, in the app's confirm dialog, when
 * unsaved progress would be replaced).
 */
export async function importProgress(
  fw: Framework,
  store: LearnersStore = learnersStore,
  ask: (question: string) => Promise<boolean> = (message) => confirmAction({ title: 'Replace progress', message, confirmLabel: 'Replace progress' }),
): Promise<void> {
  const question = replaceProgressQuestion(store);
  if (question && !(await ask(question))) return;
  const picked = await host().pickImport({ accept: ['csv', 'json'], title: 'Import learner progress (CSV or progress file)' });
  if (!picked.ok) {
    store.set({ message: { kind: 'error', text: picked.error.message } });
    return;
  }
  if (picked.value) loadProgressFromText(fw, picked.value.text, picked.value.name, store, { encoding: picked.value.encoding });
}



/** Saves the class summary as CSV. */
export async function saveClassSummary(fw: Framework, store: LearnersStore = learnersStore): Promise<void> {
  const p = store.getSnapshot().progress;
  if (!p) return;
  const r = await host().saveExport({
    suggestedName: `${baseName(fw.title)}-class-summary.csv`,
    content: classSummaryCsv(fw, p),
    mimeType: 'text/csv',
    filters: [{ name: 'CSV', extensions: ['csv'] }],
  });
  if (!r.ok) store.set({ message: { kind: 'error', text: r.error.message } });
  else if (r.value) store.set({ message: { kind: 'info', text: `${savedAs('the class summary', r.value)}: it opens in a spreadsheet, to print or plan groups.` } });
}

/** Saves the progress as a progress file (JSON), or as CSV. */
export async function saveProgress(fw: Framework, as: 'json' | 'csv', store: LearnersStore = learnersStore): Promise<void> {
  const p = store.getSnapshot().progress;
  if (!p) return;
  const name = `${baseName(fw.title)}-progress.${as}`;
  const csv = as === 'csv' ? progressCsvExport(p, fw) : null;
  const r = await host().saveExport(
    !csv
      ? { suggestedName: name, content: serializeProgress(p), mimeType: 'application/json', filters: [{ name: 'Progressions progress', extensions: ['json'] }] }
      : { suggestedName: name, content: csv.content, mimeType: 'text/csv', filters: [{ name: 'Progress CSV', extensions: ['csv'] }] },
  );
  if (!r.ok) store.set({ message: { kind: 'error', text: r.error.message } });
  else if (r.value && csv?.leftOut)
    store.set({
      message: {
        kind: 'info',
        text: `Exported progress as ${r.value.name}, without ${csv.leftOut} record${csv.leftOut === 1 ? '' : 's'} of competencies or phases this framework does not have (the CSV could not be imported back with ${csv.leftOut === 1 ? 'it' : 'them'}). Save progress… keeps every record.`,
      },
    });
  else if (r.value) {
    // undoing back to what was saved leaves nothing unsaved
    markProgressClean(p);
    store.set({ dirty: store.getSnapshot().progress !== p, message: { kind: 'info', text: `${savedAs('the progress', r.value)}.` } });
  }
}


/** Saves the progress CSV template for the open framework. */
export async function saveProgressTemplate(fw: Framework, store: LearnersStore = learnersStore): Promise<void> {
  const r = await host().saveExport({
    suggestedName: `${baseName(fw.title)}-progress-template.csv`,
    content: progressTemplateCsv(fw, localTodayIso()),
    mimeType: 'text/csv',
    filters: [{ name: 'Progress CSV', extensions: ['csv'] }],
  });
  if (!r.ok) store.set({ message: { kind: 'error', text: r.error.message } });
  else if (r.value)
    store.set({
      message: {
        kind: 'info',
        text: `${savedAs('the progress template', r.value)}: one row per time a student showed a competency; replace the two example rows with your class's, then Import progress….`,
      },
    });
}

/** Starts empty progress for the open framework with one learner (typing progress in by hand). */
export function startProgress(fw: Framework, learnerId: string, store: LearnersStore = learnersStore): void {
  const id = learnerId.trim();
  if (!id) return;
  const s = store.getSnapshot();
  const p = s.progress ?? createProgress(fw.id, fw.title);
  if (p.learners.some((l) => l.id === id)) {
    store.set({ learnerId: id });
    return;
  }
  // typed the name of a learner already in the class (their id is another): that learner, not a second one
  const byName = p.learners.find((l) => l.name.trim().toLowerCase() === id.toLowerCase() || l.id.toLowerCase() === id.toLowerCase());
  if (byName) {
    store.set({ learnerId: byName.id, message: { kind: 'info', text: `${byName.name} is already in the class (id ${byName.id}): showing their progress.` } });
    return;
  }
  changeProgress(store, `add learner ${id}`, { progress: { ...p, learners: [...p.learners, { id, name: id }] }, learnerId: id }, { message: null }, { undone: `Took back adding ${id}${s.progress ? '' : ': no progress is open'}.` });
}

/**
 * Records that the learner showed a competency at a phase (appends; the latest date wins), and says so
 * (read out by screen readers) with an Undo. It is one step of the window's history (`changeProgress`):
 * Ctrl+Z, the toolbar's Undo and the Edit menu take it back (and Redo records it again) — not the last map edit.
 * The message's own button is that Undo while the record is the last step; after later steps (a map edit) it
 * takes this record alone back, as a step of its own (`takeBackRecord`), and says so before it is pressed.
 */
export function recordPhase(rec: ProgressRecord, store: LearnersStore = learnersStore, fw?: Framework): void {
  const p = store.getSnapshot().progress;
  if (!p) return;
  const learners = p.learners.some((l) => l.id === rec.learnerId) ? p.learners : [...p.learners, { id: rec.learnerId, name: rec.learnerId }];
  const entry = { ...rec };
  const name = learners.find((l) => l.id === rec.learnerId)?.name ?? rec.learnerId;
  const code = fw?.competencies[rec.competencyId]?.code.trim() || rec.competencyId;
  const phase = fw?.phases.find((x) => x.id === rec.phaseId)?.label ?? rec.phaseId;
  const what = `${code} at ${phase} for ${name}`;
  const recorded: LearnersMessage = {
    kind: 'info',
    text: `Recorded ${what} (${rec.date}).`,
    action: {
      label: 'Undo',
      laterLabel: 'Take back this record',
      laterHint: 'You made other changes since: this takes back only this record, as a step of its own (Undo puts it back).',
      step: () => step,
      run: () => {
        // the last step: as Ctrl+Z (Redo records it again); after other steps, this record alone is taken back
        if (undoIfLatest(store, step)) return;
        takeBackRecord(store, step, entry, what);
      },
    },
  };
  const step = changeProgress(store, `record ${what}`, { progress: { ...p, learners, records: [...p.records, entry] } }, { message: recorded }, { undone: { kind: 'info', text: `Took back ${what} (${rec.date}).`, tookBack: entry } });
}

/**
 * Takes one record back as a step of its own (`take back …`): the record's own step stays in the history below
 * it, and is what Undo reaches once this one is undone (the record is back then). Progress as the record left it
 * goes back to the very state before it (saved, if that was); else the record alone is taken out. Says so when
 * the record is no longer there (taken back already), and changes nothing.
 */
function takeBackRecord(store: LearnersStore, step: AsideStep, entry: ProgressRecord, what: string): void {
  const tookBack: LearnersMessage = { kind: 'info', text: `Took back ${what} (${entry.date}). Undo puts it back.`, tookBack: entry };
  const label = `take back ${what}`;
  const messages = { undone: `Put back ${what} (${entry.date}).`, redone: tookBack };
  if (takeBackProgressStep(store, step, label, { message: tookBack }, messages)) return;
  const now = store.getSnapshot().progress;
  const at = now ? now.records.lastIndexOf(entry) : -1;
  if (!now || at < 0) {
    store.set({ message: { kind: 'info', text: `${what} (${entry.date}) is not recorded now: nothing was taken back.` } });
    return;
  }
  changeProgress(store, label, { progress: { ...now, records: [...now.records.slice(0, at), ...now.records.slice(at + 1)] } }, { message: tookBack }, messages);
}

/** Asks for another version of the framework and compares it with the open one (other = older). */
export async function pickComparison(fw: Framework, store: LearnersStore = learnersStore): Promise<void> {
  const picked = await host().pickImport({ accept: ['json'], title: 'Compare with another version of the framework' });
  if (!picked.ok) {
    store.set({ message: { kind: 'error', text: picked.error.message } });
    return;
  }
  if (!picked.value) return;
  loadComparisonFromText(fw, picked.value.text, picked.value.name, store);
}

/** Compares the open framework with another version given as text. */
export function loadComparisonFromText(fw: Framework, text: string, name: string, store: LearnersStore = learnersStore): boolean {
  const r = readFrameworkAny(text);
  if (!r.ok) {
    const problems = r.error.details ?? [];
    // A file that breaks the schema: every problem, each where it is in words (as the open-error banner lists them).
    const message =
      r.error.code === 'schema' && problems.length > 1
        ? { kind: 'error' as const, text: `${name}: it does not match the framework file format (${problems.length} problems).`, problems: problemLines(problems) }
        : { kind: 'error' as const, text: `${name}: ${r.error.message}` };
    store.set({ message });
    return false;
  }
  const other = r.value.framework;
  store.set({ compare: { name, framework: other, diff: diffFrameworks(other, fw), against: fw }, showDiff: true, message: null });
  return true;
}

/** Saves the comparison as a Markdown change log. */
export async function exportChangeLog(fw: Framework, store: LearnersStore = learnersStore): Promise<void> {
  const c = store.getSnapshot().compare;
  if (!c) return;
  const r = await host().saveExport({
    suggestedName: `${baseName(fw.title)}-changes.md`,
    content: changeLogMarkdown(c.framework, fw, comparisonDiff(c, fw)),
    mimeType: 'text/markdown',
    filters: [{ name: 'Markdown', extensions: ['md'] }],
  });
  if (!r.ok) store.set({ message: { kind: 'error', text: r.error.message } });
  else if (r.value) store.set({ message: { kind: 'info', text: `${savedAs('the change log', r.value)}.` } });
}
