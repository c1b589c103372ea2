import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src-main/services/files';
import { failingAtomicFs, makeServices, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const W = 1;
// The 8-byte PNG signature plus a byte that is not valid UTF-8 on its own: must arrive unchanged.
const PNG_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
const PNG_BASE64 = Buffer.from(PNG_BYTES).toString('base64');
const png = (extra: Record<string, unknown> = {}) => ({ suggestedName: 'map.png', content: PNG_BASE64, encoding: 'base64', mimeType: 'image/png', filters: [{ name: 'PNG image', extensions: ['png'] }], ...extra });

describe('binary exports (a PNG map image) travel as base64', () => {
  it('writes the decoded bytes, not the base64 text', async () => {
    const s = makeServices(dir);
    s.dialogs.save.push(join(dir, 'map.png'));
    expect(await s.docs.saveExport(W, png())).toEqual({ ok: true, value: { name: 'map.png' } });
    expect(new Uint8Array(readFileSync(join(dir, 'map.png')))).toEqual(PNG_BYTES);
  });

  it('joins base64 chunks before decoding', async () => {
    const s = makeServices(dir);
    s.dialogs.save.push(join(dir, 'map.png'));
    const r = await s.docs.saveExport(W, png({ content: undefined, chunks: [PNG_BASE64.slice(0, 5), PNG_BASE64.slice(5)] }));
    expect(r.ok).toBe(true);
    expect(new Uint8Array(readFileSync(join(dir, 'map.png')))).toEqual(PNG_BYTES);
  });

  it.each([['not base64!'], ['abc'], ['ab=c']])('refuses %j as base64 without asking where to save', async (content) => {
    const s = makeServices(dir);
    const r = await s.docs.saveExport(W, png({ content }));
    expect(r).toMatchObject({ ok: false, error: { message: 'The export is not valid base64.' } });
    expect(s.dialogs.calls).toEqual([]);
  });

  it('refuses an unknown encoding', async () => {
    const s = makeServices(dir);
    expect((await s.docs.saveExport(W, png({ encoding: 'hex' }))).ok).toBe(false);
    expect(s.dialogs.calls).toEqual([]);
  });

  it('applies the size limit to the decoded bytes', async () => {
    // 10 bytes are 16 base64 characters: over a 12-byte limit as text, under it as bytes.
    const fits = makeServices(dir, { maxBytes: 12 });
    fits.dialogs.save.push(join(dir, 'ok.png'));
    expect((await fits.docs.saveExport(W, png())).ok).toBe(true);
    const tooBig = makeServices(dir, { maxBytes: 9 });
    expect(await tooBig.docs.saveExport(W, png())).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('a failed write leaves no file behind and says why', async () => {
    const s = makeServices(dir, { fs: nodeFileSystem({ atomicFs: failingAtomicFs({ code: 'ENOSPC' }) }) });
    const before = readdirSync(dir);
    s.dialogs.save.push(join(dir, 'map.png'));
    const r = await s.docs.saveExport(W, png());
    expect(r).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    expect(existsSync(join(dir, 'map.png'))).toBe(false);
    expect(readdirSync(dir)).toEqual(before);
  });
});

describe('the default export base URI setting', () => {
  it('is the CASE exporter’s default, and an earlier default read back means it too', async () => {
    const { DEFAULT_CASE_BASE_URI } = await import('../../src-core/case/export');
    const { DEFAULT_SETTINGS, memorySettingsStore, readHostSettings, SETTINGS_SCHEMA } = await import('../../src-main/services/settings');
    expect(DEFAULT_SETTINGS.exportBaseUri).toBe(DEFAULT_CASE_BASE_URI);
    expect(SETTINGS_SCHEMA.exportBaseUri.default).toBe(DEFAULT_CASE_BASE_URI);
    expect(readHostSettings(memorySettingsStore({ exportBaseUri: 'urn:progressions:' })).exportBaseUri).toBe(DEFAULT_CASE_BASE_URI);
    expect(readHostSettings(memorySettingsStore({ exportBaseUri: 'https://case.example.org' })).exportBaseUri).toBe('https://case.example.org');
  });
});
