import { vi } from 'vitest';
import type { HostApi } from '../../../src-core/host/contract';
import { createBrowserHost } from '../../../src-renderer/src/host/browserHost';
import { memoryJournalStore } from '../../../src-renderer/src/host/journalStorage';
import { memoryStorage } from './journalFixtures';

/**
 * The browser host of a page with the File System Access API: its open and save pickers answer with the
 * handles `picks` gives, one per call (`picks` may be a single handle for every call); recovery journal and
 * Open Recent are kept in memory. Stubs `navigator`: call `vi.unstubAllGlobals()` after each test.
 */
export function fsAccessPage(picks: FileSystemFileHandle | readonly FileSystemFileHandle[]): HostApi {
  vi.stubGlobal('navigator', { platform: 'Linux x86_64', userAgent: 'test' });
  const list = Array.isArray(picks) ? picks : [picks as FileSystemFileHandle];
  let next = 0;
  const pick = () => list[Math.min(next++, list.length - 1)]!;
  const win = {
    localStorage: memoryStorage(),
    crypto: { randomUUID: () => 'page' },
    setInterval: () => 0,
    clearInterval: () => undefined,
    addEventListener: () => undefined,
    document: { title: '' },
    showOpenFilePicker: async () => [pick()],
    showSaveFilePicker: async () => pick(),
  } as unknown as Window;
  return createBrowserHost(win, { journal: memoryJournalStore(), recent: { load: async () => [], save: async () => undefined } });
}
