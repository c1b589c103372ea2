import type { HostSettings } from '../../../src-core/host/contract';

export const DEFAULT_SETTINGS: HostSettings = {
  theme: 'system',
  autosaveSeconds: 5,
  exportBaseUri: 'urn:progressions:',
  laneOrientation: 'horizontal',
  showMinimap: true,
};

/** Keeps only known keys with valid values; anything corrupt falls back to the default. */
export function sanitizeSettings(raw: unknown): HostSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const s = { ...DEFAULT_SETTINGS };
  if (r.theme === 'system' || r.theme === 'light' || r.theme === 'dark') s.theme = r.theme;
  if (typeof r.autosaveSeconds === 'number' && r.autosaveSeconds >= 1 && r.autosaveSeconds <= 600) s.autosaveSeconds = r.autosaveSeconds;
  if (typeof r.exportBaseUri === 'string' && r.exportBaseUri.length < 500) s.exportBaseUri = r.exportBaseUri;
  if (r.laneOrientation === 'horizontal' || r.laneOrientation === 'vertical' || r.laneOrientation === 'none') s.laneOrientation = r.laneOrientation;
  if (typeof r.showMinimap === 'boolean') s.showMinimap = r.showMinimap;
  return s;
}
