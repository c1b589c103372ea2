import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import type { DocToken } from '../../src-core/host/contract';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import type { Framework } from '../../src-core/model/types';
import type { AtomicFs } from '../../src-main/services/atomicWrite';
import { DocumentService, type Dialogs } from '../../src-main/services/documents';
import { canonicalPath } from '../../src-main/services/fileIdentity';
import { nodeFileSystem, type FileSystem, type WatchFolder } from '../../src-main/services/files';
import { FileWatcher, type Timers } from '../../src-main/services/fileWatcher';
import { PathTokens } from '../../src-main/services/pathTokens';
import { RecentFiles } from '../../src-main/services/recentFiles';
import { RecoveryJournal } from '../../src-main/services/recoveryJournal';
import type { RecentFile } from '../../src-main/services/settings';

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'progressions-main-'): { dir: string; cleanup: () => void } {
  // its real path (macOS's temp folder is reached through a link): the services name files by theirs
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sampleFramework(title = 'Fractions', competencies = 2): Framework {
  const fw = createFramework({ title });
  for (let i = 1; i <= competencies; i++) {
    const c = createCompetency({ code: `NF.${i}`, statement: `Competency ${i}` });
    fw.competencies[c.id] = c;
  }
  return fw;
}

export async function writeDoc(path: string, fw: Framework): Promise<void> {
  await fs.writeFile(path, serializeFramework(fw));
}

/** Dialogs that answer from queues; an empty queue means the user canceled. */
export function scriptedDialogs() {
  const calls: string[] = [];
  const open: (string | undefined)[] = [];
  const save: (string | undefined)[] = [];
  const dialogs: Dialogs = {
    chooseOpenFile: async (_o, opts) => (calls.push(`open:${opts.title}`), open.shift()),
    chooseSaveFile: async (_o, opts) => (calls.push(`save:${opts.title}:${opts.defaultName}`), save.shift()),
  };
  return { dialogs, calls, open, save };
}

/** Manual timers: `flush()` runs everything scheduled. */
export function manualTimers(): Timers & { flush(): void; pending(): number } {
  let next = 1;
  const jobs = new Map<number, () => void>();
  return {
    setTimeout: (fn) => {
      const id = next++;
      jobs.set(id, fn);
      return id;
    },
    clearTimeout: (h) => void jobs.delete(h as number),
    flush: () => {
      const run = [...jobs.values()];
      jobs.clear();
      for (const f of run) f();
    },
    pending: () => jobs.size,
  };
}

/** A folder watcher the test fires by hand. */
export function manualWatch(): WatchFolder & { fire(folder: string, name: string | null): void; count(): number } {
  const listeners = new Map<number, { folder: string; cb: (n: string | null) => void }>();
  let id = 0;
  const w = ((folder: string, cb: (n: string | null) => void) => {
    const k = id++;
    listeners.set(k, { folder, cb });
    return () => void listeners.delete(k);
  }) as WatchFolder & { fire(folder: string, name: string | null): void; count(): number };
  w.fire = (folder, name) => {
    for (const l of [...listeners.values()]) if (l.folder === folder) l.cb(name);
  };
  w.count = () => listeners.size;
  return w;
}

/**
 * Low-level fs for the atomic write that fails after writing half of the data, for temp files where
 * `when(tempPath)` is true (default: always). With `crash`, nothing is cleaned up afterwards, as
 * when the process dies.
 */
export function failingAtomicFs(options: { code: string; crash?: boolean; when?: (tempPath: string) => boolean }): AtomicFs & { tempFiles: string[] } {
  const tempFiles: string[] = [];
  const afs: AtomicFs & { tempFiles: string[] } = {
    tempFiles,
    open: async (path, flags, mode) => {
      const h = await fs.open(path, flags, mode);
      if (options.when && !options.when(path)) return { writeFile: (d) => h.writeFile(d), sync: () => h.sync(), close: () => h.close() };
      tempFiles.push(path);
      return {
        writeFile: async (data) => {
          await h.writeFile(data.slice(0, Math.floor(data.length / 2)));
          throw Object.assign(new Error(`${options.code}: simulated failure`), { code: options.code });
        },
        sync: () => h.sync(),
        close: () => h.close(),
      };
    },
    rename: (a, b) => fs.rename(a, b),
    // A crashed process cleans nothing up: the half-written temp file stays behind.
    unlink: (p) => (options.crash && tempFiles.includes(p) ? Promise.reject(new Error('process gone')) : fs.unlink(p)),
    copyFile: (a, b) => fs.copyFile(a, b),
    stat: (p) => fs.stat(p),
  };
  return afs;
}

/** Everything a window's document needs, wired like the app does, on real files in `dir`. */
export function makeServices(dir: string, options: { fs?: FileSystem; recent?: string[]; watch?: WatchFolder; timers?: Timers; maxBytes?: number; focus?: (owner: number) => void } = {}) {
  const fsys = options.fs ?? nodeFileSystem();
  const recentList: RecentFile[] = (options.recent ?? []).map((path) => ({ path, openedAt: '2026-01-01T00:00:00.000Z' }));
  const recent = new RecentFiles(
    { get: () => structuredClone(recentList), set: (l) => void recentList.splice(0, recentList.length, ...l) },
    (p) => fsys.stat(p).then(() => true, () => false),
    undefined,
    undefined,
    undefined,
    (p) => canonicalPath(fsys, p),
  );
  const journal = new RecoveryJournal({ fs: fsys, folder: join(dir, 'userData', 'recovery') });
  const d = scriptedDialogs();
  const tokens = new PathTokens();
  const events: { owner: number; event: string; payload: unknown }[] = [];
  const watcher = options.watch ? new FileWatcher(fsys, options.watch, options.timers ?? manualTimers(), 10) : undefined;
  const docs = new DocumentService({
    fs: fsys,
    dialogs: d.dialogs,
    tokens,
    recent,
    journal,
    watcher,
    notify: (owner, event, payload) => void events.push({ owner, event, payload }),
    maxBytes: options.maxBytes,
    focus: options.focus,
  });
  return { docs, journal, recent, recentList, dialogs: d, tokens, events, fs: fsys, watcher };
}

/** Narrows a host result to its value, failing the test with the error otherwise. */
export function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.message}`);
  return r.value;
}

export const token = (s: string) => s as DocToken;

/**
 * The page loaded the document it was handed and says so (`window:setDocument`), as the renderer does;
 * the result is passed through. A cancelled dialog or a failure shows nothing new.
 */
export async function shown<T extends { docToken: DocToken | null; name: string } | null>(
  docs: DocumentService,
  owner: number,
  r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): Promise<typeof r> {
  if (r.ok && r.value) await docs.shows(owner, { docToken: r.value.docToken, name: r.value.name });
  return r;
}
