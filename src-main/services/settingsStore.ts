import ElectronStore from 'electron-store';
import { DEFAULT_SETTINGS, memorySettingsStore, SETTINGS_SCHEMA, type Settings, type SettingsStore } from './settings';

export interface SettingsStoreOptions {
  /** Folder of `settings.json`; defaults to the app's user-data folder. Tests pass a temp folder. */
  cwd?: string;
  /** Told when the settings file had to be reset or could not be used. */
  onProblem?: (message: string) => void;
}

/**
 * The settings file, kept by electron-store with a schema. A file that is not JSON or breaks the
 * schema is reset to the defaults (`clearInvalidConfig`), never fatal; if even that fails (an
 * unwritable folder), the app runs on in-memory settings and says so.
 */
export function createSettingsStore(options: SettingsStoreOptions = {}): SettingsStore {
  try {
    const store = new ElectronStore<Settings>({
      name: 'settings',
      cwd: options.cwd,
      schema: SETTINGS_SCHEMA as never,
      defaults: DEFAULT_SETTINGS,
      clearInvalidConfig: true,
    });
    return {
      get: (key) => {
        try {
          return store.get(key);
        } catch (e) {
          options.onProblem?.(`Settings could not be read (${(e as Error).message}); using defaults.`);
          return structuredClone(DEFAULT_SETTINGS[key]);
        }
      },
      set: (key, value) => {
        try {
          (store as unknown as { set(k: string, v: unknown): void }).set(key, value);
        } catch (e) {
          options.onProblem?.(`Settings could not be saved: ${(e as Error).message}`);
        }
      },
    };
  } catch (e) {
    options.onProblem?.(`The settings file could not be used (${(e as Error).message}); settings will not be kept this time.`);
    return memorySettingsStore();
  }
}
