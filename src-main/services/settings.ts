/** A window's last size and place, restored on the next start. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export type Theme = 'system' | 'light' | 'dark';

/** Everything the desktop app remembers between runs. */
export interface Settings {
  /** Absolute paths, newest first. Main-only: the renderer sees names and tokens, not this list. */
  recentFiles: string[];
  windowBounds: WindowBounds | null;
  theme: Theme;
  /** Base URI for CASE exports; empty means the exporter's default. */
  exportBaseUri: string;
  /** How often unsaved changes are written to the recovery journal. */
  autosaveIntervalSeconds: number;
}

/** The settings the renderer may read and change (`settings:get` / `settings:set`). */
export type RendererSettings = Pick<Settings, 'theme' | 'exportBaseUri' | 'autosaveIntervalSeconds'>;

export const DEFAULT_SETTINGS: Settings = {
  recentFiles: [],
  windowBounds: null,
  theme: 'system',
  exportBaseUri: '',
  autosaveIntervalSeconds: 5,
};

export const AUTOSAVE_MIN_SECONDS = 2;
export const AUTOSAVE_MAX_SECONDS = 600;

/**
 * The JSON Schema of the settings file (electron-store checks it on every read and write; a file
 * that breaks it is treated as corrupt and reset to the defaults).
 */
export const SETTINGS_SCHEMA = {
  recentFiles: { type: 'array', items: { type: 'string' }, maxItems: 50, default: [] },
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
  exportBaseUri: { type: 'string', default: '' },
  autosaveIntervalSeconds: { type: 'number', minimum: AUTOSAVE_MIN_SECONDS, maximum: AUTOSAVE_MAX_SECONDS, default: 5 },
} as const;

/** The key-value store behind the settings (electron-store in the app, a Map in tests). */
export interface SettingsStore {
  get<K extends keyof Settings>(key: K): Settings[K];
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
}

/** An in-memory store (tests; and the fallback when the settings file cannot be used at all). */
export function memorySettingsStore(initial: Partial<Settings> = {}): SettingsStore {
  const data: Settings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    get: (key) => structuredClone(data[key]),
    set: (key, value) => {
      data[key] = structuredClone(value);
    },
  };
}

export type SettingsUpdateResult = { ok: true; value: RendererSettings } | { ok: false; error: { code: string; message: string; path?: string } };

/** Reads the renderer-visible settings. */
export function readRendererSettings(store: SettingsStore): RendererSettings {
  return {
    theme: store.get('theme'),
    exportBaseUri: store.get('exportBaseUri'),
    autosaveIntervalSeconds: store.get('autosaveIntervalSeconds'),
  };
}

/**
 * Applies a partial update sent by the renderer. Every field is checked before anything is written,
 * so a bad update changes nothing; unknown keys (recentFiles, windowBounds …) are refused.
 */
export function updateRendererSettings(store: SettingsStore, patch: unknown): SettingsUpdateResult {
  const bad = (path: string, message: string): SettingsUpdateResult => ({ ok: false, error: { code: 'invalid-setting', message, path } });
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return bad('/', 'Settings must be an object.');
  const p = patch as Record<string, unknown>;
  const next: Partial<RendererSettings> = {};
  for (const key of Object.keys(p)) {
    const v = p[key];
    switch (key) {
      case 'theme':
        if (v !== 'system' && v !== 'light' && v !== 'dark') return bad('/theme', 'Theme must be "system", "light" or "dark".');
        next.theme = v;
        break;
      case 'exportBaseUri':
        if (typeof v !== 'string' || v.length > 2000) return bad('/exportBaseUri', 'The export base URI must be text.');
        if (v !== '' && !isPlausibleUri(v)) return bad('/exportBaseUri', `"${v}" is not a URI (expected e.g. https://example.org/case or urn:example:).`);
        next.exportBaseUri = v;
        break;
      case 'autosaveIntervalSeconds':
        if (typeof v !== 'number' || !Number.isFinite(v) || v < AUTOSAVE_MIN_SECONDS || v > AUTOSAVE_MAX_SECONDS) {
          return bad('/autosaveIntervalSeconds', `The autosave interval must be between ${AUTOSAVE_MIN_SECONDS} and ${AUTOSAVE_MAX_SECONDS} seconds.`);
        }
        next.autosaveIntervalSeconds = v;
        break;
      default:
        return bad(`/${key}`, `"${key}" is not a setting the window can change.`);
    }
  }
  for (const [k, v] of Object.entries(next) as [keyof RendererSettings, never][]) store.set(k, v);
  return { ok: true, value: readRendererSettings(store) };
}

function isPlausibleUri(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(s);
}

/** Window bounds from the store, or undefined when none are saved or they are not sane. */
export function readWindowBounds(store: SettingsStore): WindowBounds | undefined {
  const b = store.get('windowBounds');
  if (!b || !(b.width >= 200) || !(b.height >= 150)) return undefined;
  return b;
}
