import { expect, type Page } from '@playwright/test';
import { addCompetency, newFramework, openApp } from './canvas-helpers';

/** Every value of one object store of the browser build's recovery journal (IndexedDB `progressions-journal`). */
async function journalStore(page: Page, store: 'meta' | 'text'): Promise<unknown[]> {
  // Never creates the database (that would leave it without its object stores).
  return page.evaluate(async (store) => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'progressions-journal')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('progressions-journal');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    try {
      if (!db.objectStoreNames.contains(store)) return [];
      return await new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as unknown[]);
        r.onerror = () => reject(r.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

/** What the browser build's recovery journal holds: name and size of each record. */
export async function journalRecords(page: Page): Promise<{ name: string; bytes: number }[]> {
  const all = (await journalStore(page, 'meta')) as { name: string; bytes: number }[];
  return all.map((m) => ({ name: m.name, bytes: m.bytes }));
}

/** The document texts the browser build's recovery journal holds. */
export async function journalTexts(page: Page): Promise<string[]> {
  return (await journalStore(page, 'text')) as string[];
}

/**
 * Makes the page autosave (and so journal) every second instead of every few seconds, and accept the
 * browser's "leave the page with unsaved changes?" prompt when the test reloads or closes it.
 */
export async function autosaveEverySecond(page: Page): Promise<void> {
  page.on('dialog', (d) => void d.accept());
  await page.addInitScript(() => {
    const s = JSON.parse(localStorage.getItem('progressions.settings') ?? '{}');
    localStorage.setItem('progressions.settings', JSON.stringify({ ...s, autosaveSeconds: 1 }));
  });
}

/** A new framework with one competency nobody saved (R.1), journalled: what a closed tab leaves behind. */
export async function unsavedWorkJournalled(page: Page): Promise<void> {
  await autosaveEverySecond(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'R.1', 'A competency nobody saved');
  await expect.poll(async () => (await journalRecords(page)).length).toBe(1);
}
