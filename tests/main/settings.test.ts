import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, memorySettingsStore, readRendererSettings, readWindowBounds, updateRendererSettings } from '../../src-main/services/settings';
import { createSettingsStore } from '../../src-main/services/settingsStore';
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
    expect(a.get('autosaveIntervalSeconds')).toBe(5);
    a.set('theme', 'dark');
    a.set('recentFiles', ['/home/t/plan.progressions']);
    a.set('windowBounds', { x: 10, y: 20, width: 1200, height: 800, maximized: false });
    const b = createSettingsStore({ cwd: dir });
    expect(b.get('theme')).toBe('dark');
    expect(b.get('recentFiles')).toEqual(['/home/t/plan.progressions']);
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
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ theme: 'purple', autosaveIntervalSeconds: -3, recentFiles: 'nope' }));
    const s = createSettingsStore({ cwd: dir });
    expect(s.get('theme')).toBe('system');
    expect(s.get('autosaveIntervalSeconds')).toBe(DEFAULT_SETTINGS.autosaveIntervalSeconds);
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
  it('exposes theme, export base URI and autosave interval, never paths', () => {
    const s = memorySettingsStore({ recentFiles: ['/secret/path'] });
    expect(readRendererSettings(s)).toEqual({ theme: 'system', exportBaseUri: '', autosaveIntervalSeconds: 5 });
  });

  it('applies a valid update', () => {
    const s = memorySettingsStore();
    const r = updateRendererSettings(s, { theme: 'dark', exportBaseUri: 'https://district.example.org/case', autosaveIntervalSeconds: 10 });
    expect(r).toEqual({ ok: true, value: { theme: 'dark', exportBaseUri: 'https://district.example.org/case', autosaveIntervalSeconds: 10 } });
  });

  it.each([
    [null, '/'],
    [[], '/'],
    [{ theme: 'purple' }, '/theme'],
    [{ autosaveIntervalSeconds: 0 }, '/autosaveIntervalSeconds'],
    [{ autosaveIntervalSeconds: Number.NaN }, '/autosaveIntervalSeconds'],
    [{ autosaveIntervalSeconds: '5' }, '/autosaveIntervalSeconds'],
    [{ exportBaseUri: 'not a uri' }, '/exportBaseUri'],
    [{ recentFiles: ['/etc/passwd'] }, '/recentFiles'],
    [{ windowBounds: null }, '/windowBounds'],
  ])('refuses %j and changes nothing', (patch, path) => {
    const s = memorySettingsStore();
    const bare = updateRendererSettings(s, patch);
    expect(bare.ok).toBe(false);
    expect(!bare.ok && bare.error.path).toBe(path);
    // A valid field beside a bad one is not applied either.
    if (patch !== null && !Array.isArray(patch)) expect(updateRendererSettings(s, { theme: 'dark', ...patch }).ok).toBe(false);
    expect(s.get('theme')).toBe('system');
    expect(s.get('recentFiles')).toEqual([]);
  });
});
