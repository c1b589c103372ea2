import type { RecentFile } from './settings';

/** Where the recent list is kept (the settings store in the app, an array in tests). */
export interface RecentStore {
  get(): RecentFile[];
  set(entries: RecentFile[]): void;
}

/** The most recently opened or saved documents, newest first; missing files are pruned. */
export class RecentFiles {
  constructor(
    private readonly store: RecentStore,
    private readonly exists: (path: string) => Promise<boolean>,
    private readonly now: () => Date = () => new Date(),
    private readonly max = 10,
    /** Told about every added path (main mirrors it into the OS's recent documents). */
    private readonly onAdd?: (path: string) => void,
    /** The path a file is known by (links resolved): one file under two names is listed once. */
    private readonly canonical?: (path: string) => Promise<string>,
  ) {}

  /** Puts `path` first (moving it if it was already listed). */
  add(path: string): void {
    const list = this.store.get().filter((e) => e.path !== path);
    list.unshift({ path, openedAt: this.now().toISOString() });
    this.store.set(list.slice(0, this.max));
    this.onAdd?.(path);
  }

  remove(path: string): void {
    const all = this.store.get();
    if (all.some((e) => e.path === path)) this.store.set(all.filter((e) => e.path !== path));
  }

  clear(): void {
    this.store.set([]);
  }

  /**
   * The list, after dropping entries whose file no longer exists, and later entries of a file listed
   * already under another name (the store is updated too).
   */
  async list(): Promise<RecentFile[]> {
    const all = this.store.get();
    const present = await Promise.all(all.map((e) => this.exists(e.path).catch(() => false)));
    const canonical = this.canonical;
    const keys = canonical ? await Promise.all(all.map((e) => canonical(e.path).catch(() => e.path))) : all.map((e) => e.path);
    const seen = new Set<string>();
    const kept = all.filter((_, i) => {
      if (!present[i] || seen.has(keys[i]!)) return false;
      seen.add(keys[i]!);
      return true;
    });
    if (kept.length !== all.length) this.store.set(kept);
    return kept;
  }
}
