/** Shared stand-ins of the journal tests: browser storage and a journal record. */
import type { JournalRecord, KeyValueStorage } from '../../../src-renderer/src/host/journalStorage';

/** localStorage stand-in; `quota` (characters of keys + values) makes setItem throw like a full browser storage. */
export function memoryStorage(quota = Infinity): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  const used = () => [...map].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (used() - (map.has(k) ? k.length + map.get(k)!.length : 0) + k.length + v.length > quota) {
        throw new DOMException(`Setting the value of '${k}' exceeded the quota.`, 'QuotaExceededError');
      }
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

/** A journal record of a small document, with `over` changed. */
export const rec = (over: Partial<JournalRecord> = {}): JournalRecord => ({
  name: 'fractions.json',
  title: 'Fractions',
  savedAt: '2026-01-01T00:00:00Z',
  docToken: null,
  text: '{"x":1}',
  ...over,
});

/** A document text the size of a district's 2,500-competency map (well over localStorage's ~5 MB). */
export const BIG = 'x'.repeat(7_000_000);
/** About what a browser gives localStorage. */
export const LOCAL_QUOTA = 5_000_000;
