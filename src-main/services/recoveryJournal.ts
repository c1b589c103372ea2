import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { loadFrameworkValue, serializeFramework, toFrameworkFile } from '../../src-core/format/frameworkFile';
import { MAX_FILE_BYTES, type Framework } from '../../src-core/model/types';
import { fail, ok, type Problem, type Result } from '../../src-core/result';
import { describeFsError, type FileSystem } from './files';

/** One unsaved document as the journal keeps it on disk. */
interface JournalFile {
  kind: 'progressions.recovery';
  version: 1;
  id: string;
  /** What the window called the document (file name or "Untitled"). */
  documentName: string;
  /** The file the document belongs to, or null for a never-saved document. */
  filePath: string | null;
  /** ISO time of this snapshot. */
  updatedAt: string;
  framework: Framework;
}

/** What the start-up offer shows for one unsaved document (no framework body, no full path). */
export interface RecoveryEntry {
  id: string;
  documentName: string;
  frameworkTitle: string;
  competencyCount: number;
  /** ISO time of the last autosave. */
  updatedAt: string;
  /** The folder and file the edits belong to, for display; null when the document was never saved. */
  filePath: string | null;
}

export interface RestoredDocument {
  id: string;
  documentName: string;
  filePath: string | null;
  framework: Framework;
  updatedAt: string;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The recovery journal: the latest unsaved state of every open document, written to
 * `<userData>/recovery/<id>.json` every few seconds while a document has unsaved changes (each write
 * is atomic, so a crash mid-write leaves the previous snapshot). A save or "Don't save" discards the
 * entry; after a crash the next start lists what is left and offers to restore it.
 */
export class RecoveryJournal {
  readonly #fs: FileSystem;
  readonly #folder: string;
  readonly #now: () => Date;
  /** Entries written by this run: they belong to open windows, not to a crash. */
  readonly #live = new Set<string>();
  /** Per entry, the write in flight; writes of one entry never overlap. */
  readonly #queue = new Map<string, Promise<unknown>>();

  constructor(options: { fs: FileSystem; folder: string; now?: () => Date }) {
    this.#fs = options.fs;
    this.#folder = options.folder;
    this.#now = options.now ?? (() => new Date());
  }

  /** A new entry id for a document session. */
  static newId(): string {
    return randomUUID();
  }

  #path(id: string): string {
    return join(this.#folder, `${id}.json`);
  }

  /** Marks an id as belonging to this run (e.g. a restored entry that a window adopted). */
  adopt(id: string): void {
    this.#live.add(id);
  }

  /** Writes the current unsaved state of a document. */
  async write(id: string, doc: { documentName: string; filePath: string | null; framework: unknown }): Promise<Result<{ updatedAt: string }>> {
    if (!ID.test(id)) return fail('bad-id', 'Not a recovery entry id.');
    const fw = doc.framework;
    if (typeof fw !== 'object' || fw === null || Array.isArray(fw)) return fail('bad-framework', 'Nothing to autosave: the document is not a framework.');
    const updatedAt = this.#now().toISOString();
    const body: JournalFile = { kind: 'progressions.recovery', version: 1, id, documentName: doc.documentName, filePath: doc.filePath, updatedAt, framework: fw as Framework };
    let text: string;
    try {
      text = JSON.stringify(body);
    } catch {
      return fail('bad-framework', 'The document could not be turned into JSON.');
    }
    if (text.length > MAX_FILE_BYTES) return fail('too-large', 'The document is too large to autosave.');
    this.#live.add(id);
    const run = async (): Promise<Result<{ updatedAt: string }>> => {
      try {
        await this.#fs.mkdir(this.#folder);
        await this.#fs.writeAtomic(this.#path(id), text);
        return ok({ updatedAt });
      } catch (e) {
        return fail('autosave-failed', `Autosave failed: ${describeFsError(e, 'save')}`);
      }
    };
    const prev = this.#queue.get(id) ?? Promise.resolve();
    const next = prev.then(run, run);
    this.#queue.set(id, next);
    return next;
  }

  /** Forgets an entry (after a save, "Don't save", or the user discarding it). */
  async discard(id: string): Promise<Result<void>> {
    if (!ID.test(id)) return fail('bad-id', 'Not a recovery entry id.');
    await this.#queue.get(id)?.catch(() => undefined);
    this.#queue.delete(id);
    this.#live.delete(id);
    try {
      await this.#fs.unlink(this.#path(id));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return fail('discard-failed', `Could not remove the recovery copy: ${describeFsError(e, 'save')}`);
    }
    return ok(undefined);
  }

  async #read(id: string): Promise<Result<JournalFile>> {
    let text: string;
    try {
      text = await this.#fs.readText(this.#path(id));
    } catch (e) {
      return fail('not-found', `The recovery copy is gone: ${describeFsError(e, 'read')}`);
    }
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      return fail('corrupt', 'The recovery copy is damaged (not JSON).');
    }
    const j = v as Partial<JournalFile>;
    if (j?.kind !== 'progressions.recovery' || j.id !== id || typeof j.updatedAt !== 'string' || typeof j.framework !== 'object' || j.framework === null) {
      return fail('corrupt', 'The recovery copy is damaged.');
    }
    return ok(j as JournalFile);
  }

  /**
   * Unsaved documents left by an earlier run, newest first. An entry whose file on disk already
   * holds exactly the same framework (the crash came between save and clean-up) is removed quietly;
   * damaged entries are listed with `frameworkTitle` saying so, so the user can discard them.
   */
  async list(): Promise<RecoveryEntry[]> {
    let names: string[];
    try {
      names = await this.#fs.readdir(this.#folder);
    } catch {
      return [];
    }
    const out: RecoveryEntry[] = [];
    for (const name of names) {
      const m = /^(.*)\.json$/.exec(name);
      const id = m?.[1];
      if (!id || !ID.test(id) || this.#live.has(id)) continue;
      const r = await this.#read(id);
      if (!r.ok) {
        out.push({ id, documentName: 'Damaged recovery copy', frameworkTitle: r.error.message, competencyCount: 0, updatedAt: '', filePath: null });
        continue;
      }
      const j = r.value;
      if (j.filePath && (await this.#sameAsOnDisk(j))) {
        await this.discard(id);
        continue;
      }
      out.push({
        id,
        documentName: j.documentName,
        frameworkTitle: typeof j.framework.title === 'string' ? j.framework.title : '',
        competencyCount: j.framework.competencies && typeof j.framework.competencies === 'object' ? Object.keys(j.framework.competencies).length : 0,
        updatedAt: j.updatedAt,
        filePath: j.filePath,
      });
    }
    return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async #sameAsOnDisk(j: JournalFile): Promise<boolean> {
    try {
      return (await this.#fs.readText(j.filePath!)) === serializeFramework(j.framework);
    } catch {
      return false;
    }
  }

  /** Reads an entry back, checked against the framework schema. The entry stays until discarded. */
  async restore(id: unknown): Promise<Result<RestoredDocument, Problem>> {
    if (typeof id !== 'string' || !ID.test(id)) return fail('bad-id', 'Not a recovery entry id.');
    const r = await this.#read(id);
    if (!r.ok) return r;
    const loaded = loadFrameworkValue(toFrameworkFile(r.value.framework));
    if (!loaded.ok) return fail('corrupt', `The recovery copy cannot be restored: ${loaded.error.message}`, { path: loaded.error.path });
    this.#live.add(id);
    return ok({ id, documentName: r.value.documentName, filePath: r.value.filePath, framework: loaded.value.framework, updatedAt: r.value.updatedAt });
  }
}
