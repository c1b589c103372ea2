/**
 * The Export dialog's "Include review comments" choice, remembered on this computer (the renderer's
 * localStorage, as the review author's name is). It is not a host setting: those are checked key by key by
 * the desktop app's settings service, and a choice of this dialog's needs no round trip to main.
 */

const KEY = 'progressions.export.includeComments';

type Storage = { getItem(key: string): string | null; setItem?(key: string, value: string): void };

function defaultStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** Whether the last CASE 1.1 export included review comments; off by default, and off when storage cannot be read. */
export function readIncludeComments(storage: Storage | undefined = defaultStorage()): boolean {
  try {
    return storage?.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/** Remembers the choice for the next export; a full or refused storage only forgets it. */
export function rememberIncludeComments(on: boolean, storage: Storage | undefined = defaultStorage()): void {
  try {
    storage?.setItem?.(KEY, on ? 'on' : 'off');
  } catch {
    // not remembered: the dialog starts with the option off next time
  }
}
