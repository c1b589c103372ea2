import { describe, expect, it } from 'vitest';
import { ALIVE_MS, journalStorage, type KeyValueStorage } from '../../src-renderer/src/host/journalStorage';
import { sanitizeSettings } from '../../src-renderer/src/host/settingsStorage';

function memoryStorage(): KeyValueStorage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    key: (i) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}

describe('browser recovery journal', () => {
  it('offers the unsaved document of a page that went away, not of live pages or its own', () => {
    const storage = memoryStorage();
    let t = 1_000_000;
    const j = journalStorage(storage, () => t);
    const rec = { name: 'fractions.json', title: 'Fractions', savedAt: '2026-01-01T00:00:00Z', docToken: null, text: '{"x":1}' };
    j.heartbeat('crashed');
    j.write('crashed', rec);
    j.heartbeat('live');
    j.write('live', { ...rec, name: 'other.json' });
    j.heartbeat('me');
    j.write('me', rec);

    expect(j.orphans('me')).toEqual([]); // everyone is alive
    t += ALIVE_MS + 1;
    j.heartbeat('live');
    expect(j.orphans('me').map((e) => [e.id, e.name, e.bytes])).toEqual([['crashed', 'fractions.json', 7]]);
    j.clear('crashed');
    expect(j.orphans('me')).toEqual([]);
  });

  it('ignores corrupt journal records', () => {
    const storage = memoryStorage();
    storage.setItem('progressions.journal.bad', '{not json');
    expect(journalStorage(storage).orphans('me')).toEqual([]);
  });
});

describe('settings', () => {
  it('resets corrupt values to defaults, keeps valid ones', () => {
    expect(sanitizeSettings({ theme: 'dark', autosaveSeconds: -3, laneOrientation: 'diagonal', showMinimap: false })).toMatchObject({
      theme: 'dark',
      autosaveSeconds: 5,
      laneOrientation: 'horizontal',
      showMinimap: false,
    });
    expect(sanitizeSettings('garbage').theme).toBe('system');
  });
});
