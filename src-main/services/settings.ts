import { DEFAULT_CASE_BASE_URI } from '../../src-core/case/export';
import type { HostSettings } from '../../src-core/host/contract';

/** A window's last size and place, restored on the next start. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** One entry of File › Open Recent as main keeps it (the renderer sees names and tokens only). */
export interface RecentFile {
  path: string;
  /** ISO 8601 time it was last opened or saved. */
  openedAt: string;
}

/** Everything the desktop app remembers between runs: the renderer's settings plus main's own. */
export interface Settings extends HostSettings {
  recentFiles: RecentFile[];
  windowBounds: WindowBounds | null;
}

export const DEFAULT_HOST_SETTINGS: HostSettings = {
  theme: 'system',
  autosaveSeconds: 5,
  /** The CASE exporter's own default, so the setting and the export agree. */
  exportBaseUri: DEFAULT_CASE_BASE_URI,
  laneOrientation: 'horizontal',
  showMinimap: true,
};

export const DEFAULT_SETTINGS: Settings = { ...DEFAULT_HOST_SETTINGS, recentFiles: [], windowBounds: null };

export const AUTOSAVE_MIN_SECONDS = 1;
export const AUTOSAVE_MAX_SECONDS = 600;

/**
 * The JSON Schema of the settings file (electron-store checks it on every read and write; a file
 * that breaks it is treated as corrupt and reset to the defaults).
 */
export const SETTINGS_SCHEMA = {
  recentFiles: {
    type: 'array',
    maxItems: 50,
    default: [],
    items: { type: 'object', properties: { path: { type: 'string' }, openedAt: { type: 'string' } }, required: ['path', 'openedAt'] },
  },
  windowBounds: {
    default: null,
    anyOf: [
      { type: 'null' },
      {
        type: 'object',
        properties: {
          x: { type: 'number' },
          y: { type: 'number' },
          width: { type: 'number', minimum: 200 },
          height: { type: 'number', minimum: 150 },
          maximized: { type: 'boolean' },
        },
        required: ['width', 'height', 'maximized'],
      },
    ],
  },
  theme: { type: 'string', enum: ['system', 'light', 'dark'], default: 'system' },
  autosaveSeconds: { type: 'number', minimum: AUTOSAVE_MIN_SECONDS, maximum: AUTOSAVE_MAX_SECONDS, default: 5 },
  exportBaseUri: { type: 'string', default: DEFAULT_CASE_BASE_URI },
  laneOrientation: { type: 'string', enum: ['horizontal', 'vertical', 'none'], default: 'horizontal' },
  showMinimap: { type: 'boolean', default: true },
} as const;

/** The key-value store behind the settings (electron-store in the app, memory in tests). */
export interface SettingsStore {
  get<K extends keyof Settings>(key: K): Settings[K];
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
}

/** An in-memory store (tests; and the fallback when the settings file cannot be used at all). */
export function memorySettingsStore(initial: Partial<Settings> = {}): SettingsStore {
  const data: Settings = { ...structuredClone(DEFAULT_SETTINGS), ...initial };
  return {
    get: (key) => structuredClone(data[key]),
    set: (key, value) => {
      data[key] = structuredClone(value);
    },
  };
}

/** Earlier versions stored `urn:progressions:` as the default; it means today's default. */
function currentBaseUri(v: string): string {
  return v === 'urn:progressions:' ? DEFAULT_CASE_BASE_URI : v;
}

/** The renderer-visible settings (`settings:get`). */
export function readHostSettings(store: SettingsStore): HostSettings {
  return {
    theme: store.get('theme'),
    autosaveSeconds: store.get('autosaveSeconds'),
    exportBaseUri: currentBaseUri(store.get('exportBaseUri')),
    laneOrientation: store.get('laneOrientation'),
    showMinimap: store.get('showMinimap'),
  };
}

type Checks = { [K in keyof HostSettings]: (v: unknown) => v is HostSettings[K] };
const CHECKS: Checks = {
  theme: (v): v is HostSettings['theme'] => v === 'system' || v === 'light' || v === 'dark',
  autosaveSeconds: (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= AUTOSAVE_MIN_SECONDS && v <= AUTOSAVE_MAX_SECONDS,
  exportBaseUri: (v): v is string => typeof v === 'string' && v.length < 500 && (v === '' || /^[a-z][a-z0-9+.-]*:\S*$/i.test(v)),
  laneOrientation: (v): v is HostSettings['laneOrientation'] => v === 'horizontal' || v === 'vertical' || v === 'none',
  showMinimap: (v): v is boolean => typeof v === 'boolean',
};

/**
 * Applies a partial change sent by the renderer (`settings:set`) and returns the settings now in
 * effect. Only the renderer's own keys with valid values are written; anything else (unknown keys
 * such as `recentFiles`, wrong types, out-of-range numbers) is ignored and reported in `rejected`.
 */
export function updateHostSettings(store: SettingsStore, patch: unknown): { settings: HostSettings; rejected: string[] } {
  const rejected: string[] = [];
  if (typeof patch === 'object' && patch !== null && !Array.isArray(patch)) {
    for (const [key, value] of Object.entries(patch)) {
      const check = (CHECKS as Record<string, (v: unknown) => boolean>)[key];
      if (check && Object.hasOwn(CHECKS, key) && check(value)) store.set(key as keyof HostSettings, value as never);
      else rejected.push(key);
    }
  } else rejected.push('/');
  return { settings: readHostSettings(store), rejected };
}

/** Window bounds from the store, or undefined when none are saved or they are not sane. */
export function readWindowBounds(store: SettingsStore): WindowBounds | undefined {
  const b = store.get('windowBounds');
  if (!b || !(b.width >= 200) || !(b.height >= 150)) return undefined;
  return b;
}
