import { join } from 'node:path';
import { MAX_FILE_BYTES } from '../../src-core/model/types';
import { fail, ok, type Result } from '../../src-core/result';
import { describeFsError, type FileSystem } from './files';

/** One unsaved document as the journal keeps it on disk. */
export interface JournalRecord {
  kind: 'progressions.recovery';
  version: 1;
  id: string;
  /** The document's display name (file name or "Untitled framework"). */
  name: string;
  /** The framework title at the time of the write. */
  title: string;
  /** The file the document belongs to, or null for a never-saved document. */
  filePath: string | null;
  /**
   * That file as the window last read or wrote it (size, SHA-256 of the text): a restored copy saved
   * over a file someone changed since is asked about first. Absent in copies of older versions.
   */
  fileStamp?: { size: number; hash: string } | null;
  /** ISO 8601 time of this snapshot. */
  savedAt: string;
  /** The document's text as the renderer serialized it. */
  text: string;
}

/** Journal ids become file names: letters, digits, `-` and `_` only. */
export function isJournalId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,80}$/.test(id);
}

/**
 * The recovery journal: the latest unsaved state of every open document, kept as
 * `<userData>/recovery/<id>.json` and written every few seconds while a document has unsaved changes.
 * Each write is atomic, so a crash in the middle of one leaves the previous snapshot; writes of one
 * entry never overlap. A save or "Don't save" clears the entry; after a crash the next start lists
 * what is left and offers to restore it.
 */
export class RecoveryJournal {
  readonly #fs: FileSystem;
  readonly #folder: string;
  readonly #now: () => Date;
  readonly #queue = new Map<string, Promise<unknown>>();

  constructor(options: { fs: FileSystem; folder: string; now?: () => Date }) {
    this.#fs = options.fs;
    this.#folder = options.folder;
    this.#now = options.now ?? (() => new Date());
  }

  #path(id: string): string {
    return join(this.#folder, `${id}.json`);
  }

  /** Runs `job` after every earlier job of the same entry. */
  #serial<T>(id: string, job: () => Promise<T>): Promise<T> {
    const prev = this.#queue.get(id) ?? Promise.resolve();
    const next = prev.then(job, job);
    this.#queue.set(id, next);
    void next.finally(() => {
      if (this.#queue.get(id) === next) this.#queue.delete(id);
    });
    return next;
  }

  /** Writes the current unsaved state of a document. */
  write(id: string, doc: { name: string; title: string; filePath: string | null; fileStamp?: JournalRecord['fileStamp']; text: string }): Promise<Result<{ savedAt: string }>> {
    if (!isJournalId(id)) return Promise.resolve(fail('bad-id', 'Not a recovery journal id.'));
    if (doc.text.length > MAX_FILE_BYTES) return Promise.resolve(fail('too-large', 'The document is too large to keep a recovery copy.'));
    const savedAt = this.#now().toISOString();
    const record: JournalRecord = { kind: 'progressions.recovery', version: 1, id, name: doc.name, title: doc.title, filePath: doc.filePath, fileStamp: doc.fileStamp ?? null, savedAt, text: doc.text };
    return this.#serial(id, async () => {
      try {
        await this.#fs.mkdir(this.#folder);
        await this.#fs.writeAtomic(this.#path(id), JSON.stringify(record));
        return ok({ savedAt });
      } catch (e) {
        return fail('journal-failed', `Unsaved changes could not be kept for recovery: ${describeFsError(e, 'save')}`);
      }
    });
  }

  /** Removes an entry (after a save, "Don't save", a restore, or the user discarding it). */
  discard(id: string): Promise<Result<void>> {
    if (!isJournalId(id)) return Promise.resolve(fail('bad-id', 'Not a recovery journal id.'));
    return this.#serial(id, async () => {
      try {
        await this.#fs.unlink(this.#path(id));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return fail('discard-failed', `Could not remove the recovery copy: ${describeFsError(e, 'save')}`);
      }
      return ok(undefined);
    });
  }

  /** Reads one entry back. */
  async read(id: string): Promise<Result<JournalRecord>> {
    if (!isJournalId(id)) return fail('bad-id', 'Not a recovery journal id.');
    await this.#queue.get(id)?.catch(() => undefined);
    let text: string;
    try {
      text = await this.#fs.readText(this.#path(id));
    } catch (e) {
      return fail('not-found', `That recovery copy is gone (${describeFsError(e, 'read')}).`);
    }
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      return fail('corrupt', 'The recovery copy is damaged (it is not complete JSON).');
    }
    const r = v as Partial<JournalRecord> | null;
    if (r?.kind !== 'progressions.recovery' || r.id !== id || typeof r.text !== 'string' || typeof r.savedAt !== 'string' || typeof r.name !== 'string') {
      return fail('corrupt', 'The recovery copy is damaged.');
    }
    const st = r.fileStamp as { size?: unknown; hash?: unknown } | null | undefined;
    const fileStamp = st && typeof st.size === 'number' && typeof st.hash === 'string' ? { size: st.size, hash: st.hash } : null;
    return ok({ ...r, title: typeof r.title === 'string' ? r.title : '', filePath: typeof r.filePath === 'string' ? r.filePath : null, fileStamp } as JournalRecord);
  }

  /**
   * Entries left by an earlier run (or closed windows), newest first, skipping ids for which `skip`
   * is true (entries of open windows). An entry whose file already holds exactly its text (a crash
   * between save and clean-up) is removed quietly. Damaged entries are listed as such, so the user
   * can discard them.
   */
  async list(skip: (id: string) => boolean = () => false): Promise<(Pick<JournalRecord, 'id' | 'name' | 'title' | 'savedAt' | 'filePath' | 'fileStamp'> & { bytes: number })[]> {
    let names: string[];
    try {
      names = await this.#fs.readdir(this.#folder);
    } catch {
      return [];
    }
    const out: (Pick<JournalRecord, 'id' | 'name' | 'title' | 'savedAt' | 'filePath' | 'fileStamp'> & { bytes: number })[] = [];
    for (const file of names) {
      const id = /^(.*)\.json$/.exec(file)?.[1];
      if (!id || !isJournalId(id) || skip(id)) continue;
      const r = await this.read(id);
      if (!r.ok) {
        out.push({ id, name: 'Damaged recovery copy', title: r.error.message, savedAt: '', filePath: null, bytes: 0 });
        continue;
      }
      const j = r.value;
      if (j.filePath && (await this.#fs.readText(j.filePath).then((t) => t === j.text, () => false))) {
        await this.discard(id);
        continue;
      }
      out.push({ id, name: j.name, title: j.title, savedAt: j.savedAt, filePath: j.filePath, fileStamp: j.fileStamp ?? null, bytes: j.text.length });
    }
    return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }
}
