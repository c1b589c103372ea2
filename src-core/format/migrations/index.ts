/**
 * File-format migrations. One entry per step, numbered by the version it upgrades *from*; a released
 * step never changes (it is how old files keep loading forever). Version 1 is the first released
 * format, so the list is empty today; the next format change adds `v1ToV2.ts` here.
 */
export interface Migration {
  /** The format version this step reads. It writes `from + 1`. */
  from: number;
  name: string;
  /** Upgrades the whole envelope; gets a private clone it may mutate and return. */
  up(file: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [];
