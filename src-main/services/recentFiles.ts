/** Where the recent list is kept (the settings store in the app, a plain array in tests). */
export interface RecentStore {
  get(): string[];
  set(paths: string[]): void;
}

/** The most recently opened or saved documents, newest first; missing files are pruned. */
export class RecentFiles {
  constructor(
    private readonly store: RecentStore,
    private readonly exists: (path: string) => Promise<boolean>,
    private readonly max = 10,
  ) {}

  /** Puts `path` first (moving it if it was already listed). */
  add(path: string): void {
    const list = this.store.get().filter((p) => p !== path);
    list.unshift(path);
    this.store.set(list.slice(0, this.max));
  }

  remove(path: string): void {
    this.store.set(this.store.get().filter((p) => p !== path));
  }

  clear(): void {
    this.store.set([]);
  }

  /** The list, after dropping entries whose file no longer exists (the store is updated too). */
  async list(): Promise<string[]> {
    const all = this.store.get();
    const present = await Promise.all(all.map((p) => this.exists(p).catch(() => false)));
    const kept = all.filter((_, i) => present[i]);
    if (kept.length !== all.length) this.store.set(kept);
    return kept;
  }
}
