import { DEFAULT_CASE_BASE_URI } from '../../../src-core/case/export';
import type { HostSettings } from '../../../src-core/host/contract';

export const DEFAULT_SETTINGS: HostSettings = {
  theme: 'system',
  autosaveSeconds: 5,
  /** The CASE exporter's own default, so the setting and the export agree. */
  exportBaseUri: DEFAULT_CASE_BASE_URI,
  laneOrientation: 'horizontal',
  showMinimap: true,
};

/** Keeps only known keys with valid values; anything corrupt falls back to the default. */
export function sanitizeSettings(raw: unknown): HostSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const s = { ...DEFAULT_SETTINGS };
  if (r.theme === 'system' || r.theme === 'light' || r.theme === 'dark') s.theme = r.theme;
  if (typeof r.autosaveSeconds === 'number' && r.autosaveSeconds >= 1 && r.autosaveSeconds <= 600) s.autosaveSeconds = r.autosaveSeconds;
  // Earlier versions stored `urn:progressions:` as the default; it means today's default.
  if (typeof r.exportBaseUri === 'string' && r.exportBaseUri.length < 500) s.exportBaseUri = r.exportBaseUri === 'urn:progressions:' ? DEFAULT_CASE_BASE_URI : r.exportBaseUri;
  if (r.laneOrientation === 'horizontal' || r.laneOrientation === 'vertical' || r.laneOrientation === 'none') s.laneOrientation = r.laneOrientation;
  if (typeof r.showMinimap === 'boolean') s.showMinimap = r.showMinimap;
  return s;
}
