import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, memorySettingsStore, readHostSettings, readWindowBounds, updateHostSettings } from '../../src-main/services/settings';
import { createSettingsStore } from '../../src-main/services/settingsStore';
import { DEFAULT_CASE_BASE_URI } from '../../src-core/case/export';
import { tempDir } from './helpers';

// electron-store asks Electron for the user-data folder; without a running app it needs an absolute cwd.
vi.mock('electron', () => ({ default: {}, app: undefined, ipcMain: undefined }));

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('settings file (electron-store with a schema)', () => {
  it('starts with the defaults and keeps changes across restarts', () => {
    const a = createSettingsStore({ cwd: dir });
    expect(a.get('theme')).toBe('system');
    expect(a.get('autosaveSeconds')).toBe(5);
    a.set('theme', 'dark');
    a.set('recentFiles', [{ path: '/home/t/plan.progressions', openedAt: '2026-11-25T10:00:00.000Z' }]);
    a.set('windowBounds', { x: 10, y: 20, width: 1200, height: 800, maximized: false });
    const b = createSettingsStore({ cwd: dir });
    expect(b.get('theme')).toBe('dark');
    expect(b.get('recentFiles')).toEqual([{ path: '/home/t/plan.progressions', openedAt: '2026-11-25T10:00:00.000Z' }]);
    expect(readWindowBounds(b)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
  });

  it('a settings file that is not JSON is reset to the defaults, not fatal', () => {
    writeFileSync(join(dir, 'settings.json'), '{"theme": "dark", ');
    const problems: string[] = [];
    const s = createSettingsStore({ cwd: dir, onProblem: (m) => problems.push(m) });
    expect(s.get('theme')).toBe('system');
    s.set('theme', 'light');
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).theme).toBe('light');
  });

  it('a settings file that breaks the schema is reset to the defaults', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ theme: 'purple', autosaveSeconds: -3, recentFiles: 'nope' }));
    const s = createSettingsStore({ cwd: dir });
    expect(s.get('theme')).toBe('system');
    expect(s.get('autosaveSeconds')).toBe(DEFAULT_SETTINGS.autosaveSeconds);
    expect(s.get('recentFiles')).toEqual([]);
  });

  it('an unusable settings folder falls back to settings in memory', () => {
    writeFileSync(join(dir, 'a-file'), '');
    const problems: string[] = [];
    const s = createSettingsStore({ cwd: join(dir, 'a-file'), onProblem: (m) => problems.push(m) });
    s.set('theme', 'dark');
    expect(s.get('theme')).toBe('dark');
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe('settings the window may change', () => {
  it('exposes the renderer’s settings, never paths or window bounds', () => {
    const s = memorySettingsStore({ recentFiles: [{ path: '/secret/path', openedAt: '' }] });
    expect(readHostSettings(s)).toEqual({ theme: 'system', autosaveSeconds: 5, exportBaseUri: DEFAULT_CASE_BASE_URI, laneOrientation: 'horizontal', showMinimap: true });
  });

  it('applies a valid change and returns the settings in effect', () => {
    const s = memorySettingsStore();
    const r = updateHostSettings(s, { theme: 'dark', exportBaseUri: 'https://district.example.org/case', autosaveSeconds: 10, showMinimap: false, laneOrientation: 'none' });
    expect(r.rejected).toEqual([]);
    expect(r.settings).toEqual({ theme: 'dark', exportBaseUri: 'https://district.example.org/case', autosaveSeconds: 10, showMinimap: false, laneOrientation: 'none' });
    expect(createOther(s)).toMatchObject({ theme: 'dark' });
  });

  it.each([
    [{ theme: 'purple' }, 'theme'],
    [{ autosaveSeconds: 0 }, 'autosaveSeconds'],
    [{ autosaveSeconds: Number.NaN }, 'autosaveSeconds'],
    [{ autosaveSeconds: '5' }, 'autosaveSeconds'],
    [{ exportBaseUri: 'not a uri' }, 'exportBaseUri'],
    [{ showMinimap: 'yes' }, 'showMinimap'],
    [{ recentFiles: [{ path: '/etc/passwd', openedAt: '' }] }, 'recentFiles'],
    [{ windowBounds: null }, 'windowBounds'],
    [{ __proto__: { theme: 'dark' }, toString: 1 }, 'toString'],
  ])('ignores %j and keeps the rest', (patch, key) => {
    const s = memorySettingsStore();
    const r = updateHostSettings(s, { ...patch, theme: (patch as { theme?: string }).theme ?? 'light' });
    expect(r.rejected).toContain(key);
    expect(s.get('recentFiles')).toEqual([]);
    expect(s.get('windowBounds')).toBeNull();
    expect(s.get('autosaveSeconds')).toBe(5);
    expect(s.get('showMinimap')).toBe(true);
    expect(s.get('exportBaseUri')).toBe(DEFAULT_CASE_BASE_URI);
  });

  it('a request that is not an object changes nothing', () => {
    const s = memorySettingsStore();
    expect(updateHostSettings(s, null).rejected).toEqual(['/']);
    expect(updateHostSettings(s, ['dark']).settings.theme).toBe('system');
  });
});

function createOther(s: ReturnType<typeof memorySettingsStore>) {
  return readHostSettings(s);
}
