import type { Page } from '@playwright/test';

/**
 * What the browser build's recovery journal holds (IndexedDB `progressions-journal`): name and size of
 * each record. Never creates the database (that would leave it without its object stores).
 */
export async function journalRecords(page: Page): Promise<{ name: string; bytes: number }[]> {
  return page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'progressions-journal')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('progressions-journal');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    try {
      if (!db.objectStoreNames.contains('meta')) return [];
      const all = await new Promise<{ name: string; bytes: number }[]>((resolve, reject) => {
        const r = db.transaction('meta').objectStore('meta').getAll();
        r.onsuccess = () => resolve(r.result as { name: string; bytes: number }[]);
        r.onerror = () => reject(r.error);
      });
      return all.map((m) => ({ name: m.name, bytes: m.bytes }));
    } finally {
      db.close();
    }
  });
}

/** The document texts the browser build's recovery journal holds (IndexedDB `progressions-journal`). */
export async function journalTexts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'progressions-journal')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('progressions-journal');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    try {
      if (!db.objectStoreNames.contains('text')) return [];
      return await new Promise<string[]>((resolve, reject) => {
        const r = db.transaction('text').objectStore('text').getAll();
        r.onsuccess = () => resolve(r.result as string[]);
        r.onerror = () => reject(r.error);
      });
    } finally {
      db.close();
    }
  });
}
