import { basename, dirname } from 'node:path';
import type { FileSystem, Unwatch, WatchFolder } from './files';

export type ExternalChange = 'changed' | 'removed';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

interface Watched {
  path: string;
  baseline: { mtimeMs: number; size: number } | null;
  /** While we write the file ourselves, events are ignored. */
  busy: number;
  timer: unknown;
  stop: Unwatch;
  onChange: (change: ExternalChange) => void;
}

/**
 * Tells when an open file changes on disk because of someone else (another app, a sync client).
 * It watches the file's folder (an atomic save replaces the file, which ends a watch on the file
 * itself), debounces bursts of events, and compares size and modification time with what we last
 * read or wrote; our own saves are bracketed by `beginOwnWrite` / `endOwnWrite` and never reported.
 */
export class FileWatcher {
  readonly #watched = new Map<string, Watched>();
  readonly #checks = new Set<Promise<void>>();

  constructor(
    private readonly fs: Pick<FileSystem, 'stat'>,
    private readonly watchFolder: WatchFolder,
    private readonly timers: Timers = realTimers,
    private readonly debounceMs = 400,
  ) {}

  async #snapshot(path: string): Promise<{ mtimeMs: number; size: number } | null> {
    try {
      const s = await this.fs.stat(path);
      return { mtimeMs: s.mtimeMs, size: s.size };
    } catch {
      return null;
    }
  }

  /** Starts watching `path` (replacing an earlier watch of it). The current state is the baseline. */
  async watch(path: string, onChange: (change: ExternalChange) => void): Promise<Unwatch> {
    this.unwatch(path);
    const name = basename(path);
    const w: Watched = { path, baseline: await this.#snapshot(path), busy: 0, timer: undefined, onChange, stop: () => undefined };
    w.stop = this.watchFolder(dirname(path), (changed) => {
      if (changed !== null && changed !== name) return;
      if (w.timer !== undefined) this.timers.clearTimeout(w.timer);
      w.timer = this.timers.setTimeout(() => {
        w.timer = undefined;
        const check: Promise<void> = this.#check(w).finally(() => this.#checks.delete(check));
        this.#checks.add(check);
      }, this.debounceMs);
    });
    this.#watched.set(path, w);
    return () => this.unwatch(path);
  }

  /** Resolves when every check started so far has finished (tests). */
  async idle(): Promise<void> {
    while (this.#checks.size) await Promise.all([...this.#checks]);
  }

  async #check(w: Watched): Promise<void> {
    if (w.busy > 0 || this.#watched.get(w.path) !== w) return;
    const now = await this.#snapshot(w.path);
    if (w.busy > 0) return;
    const before = w.baseline;
    if (now === null) {
      if (before !== null) {
        w.baseline = null;
        w.onChange('removed');
      }
      return;
    }
    if (before && before.mtimeMs === now.mtimeMs && before.size === now.size) return;
    w.baseline = now;
    w.onChange('changed');
  }

  unwatch(path: string): void {
    const w = this.#watched.get(path);
    if (!w) return;
    if (w.timer !== undefined) this.timers.clearTimeout(w.timer);
    w.stop();
    this.#watched.delete(path);
  }

  unwatchAll(): void {
    for (const p of [...this.#watched.keys()]) this.unwatch(p);
  }

  beginOwnWrite(path: string): void {
    const w = this.#watched.get(path);
    if (w) w.busy++;
  }

  /** After our own write (or reload): the file as it is now becomes the baseline. */
  async endOwnWrite(path: string): Promise<void> {
    const w = this.#watched.get(path);
    if (!w) return;
    w.baseline = await this.#snapshot(path);
    w.busy = Math.max(0, w.busy - 1);
  }
}
