import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE_BASE_URI, writeCasePackage } from '../../src-core/case';
import { createFramework } from '../../src-core/model/defaults';
import { buildTextExport, effectiveBaseUri } from '../../src-renderer/src/dialogs/export/exportFormats';
import { createMemoryHost } from '../../src-renderer/src/host/memoryHost';
import { DEFAULT_SETTINGS, sanitizeSettings } from '../../src-renderer/src/host/settingsStorage';

describe('the default export base URI is the CASE exporter’s own', () => {
  it('hosts start with the exporter default', async () => {
    expect(DEFAULT_SETTINGS.exportBaseUri).toBe(DEFAULT_CASE_BASE_URI);
    expect((await createMemoryHost().getSettings()).exportBaseUri).toBe(DEFAULT_CASE_BASE_URI);
  });

  it('a setting saved by an earlier version as `urn:progressions:` reads as today’s default; others are kept', () => {
    expect(sanitizeSettings({ exportBaseUri: 'urn:progressions:' }).exportBaseUri).toBe(DEFAULT_CASE_BASE_URI);
    expect(sanitizeSettings({ exportBaseUri: 'https://case.example.org/ims/case/v1p1' }).exportBaseUri).toBe('https://case.example.org/ims/case/v1p1');
  });

  it('the dialog’s effective base is what the export writes: the typed one, or the default when empty', () => {
    expect(effectiveBaseUri('')).toBe(DEFAULT_CASE_BASE_URI);
    expect(effectiveBaseUri('  https://case.example.org/ims/case/v1p1/ ')).toBe('https://case.example.org/ims/case/v1p1');
    const fw = createFramework({ title: 'Fractions' });
    for (const typed of ['', DEFAULT_SETTINGS.exportBaseUri]) {
      const pkg = JSON.parse(buildTextExport(fw, 'case-1.1', typed).chunks.join('')) as { CFDocument: { uri: string } };
      expect(pkg.CFDocument.uri).toBe(`${effectiveBaseUri(typed)}/CFDocuments/${fw.id}`);
    }
    let direct = '';
    writeCasePackage(fw, { version: '1.1' }, (c) => void (direct += c));
    expect(buildTextExport(fw, 'case-1.1', DEFAULT_SETTINGS.exportBaseUri).chunks.join('')).toBe(direct);
  });
});
