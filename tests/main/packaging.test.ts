import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_EXTENSION } from '../../src-main/services/documents';

const root = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const icons = join(root, 'resources/icons');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): { width: number; height: number; rgba: boolean } {
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), rgba: buf[25] === 6 };
}

describe('electron-builder configuration', () => {
  async function loadConfig() {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    const config = await getConfig(root, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    return config;
  }

  it('passes electron-builder’s own schema validation', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({ appId: 'org.progressions.desktop', productName: 'Progressions' });
  });

  it('builds AppImage + deb, NSIS and DMG, with an icon for each platform that exists', async () => {
    const config = await loadConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t: { target: string }) => t.target)).toEqual(['dmg']);
    for (const p of [config.linux.icon, config.win.icon, config.mac.icon]) expect(existsSync(join(root, p))).toBe(true);
  });

  it('associates the extension the app saves with, and packs what main loads at run time', async () => {
    const config = await loadConfig();
    expect(config.fileAssociations.map((a: { ext: string }) => a.ext)).toEqual([DOCUMENT_EXTENSION]);
    const files = (config.files as (string | { filter: string[] })[]).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['out/**', 'resources/icons/png/512x512.png']));
    expect(readFileSync(join(root, 'src-main/electron/main.ts'), 'utf8')).toContain("'resources/icons/png/512x512.png'");
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('./out/main/main.js');
  });
});

describe('app icons', () => {
  it.each([16, 24, 32, 48, 64, 128, 256, 512, 1024])('png/%ix%i.png is a transparent PNG of that size', (n) => {
    const s = pngSize(readFileSync(join(icons, 'png', `${n}x${n}.png`)));
    expect(s).toEqual({ width: n, height: n, rgba: true });
  });

  it('icon.ico holds PNG images from 16 to 256 pixels', () => {
    const ico = readFileSync(join(icons, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const len = ico.readUInt32LE(e + 8);
      const off = ico.readUInt32LE(e + 12);
      const s = pngSize(ico.subarray(off, off + len));
      expect(s.width).toBe(ico[e] === 0 ? 256 : ico[e]);
      sizes.push(s.width);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('icon.icns holds PNG images up to 1024 pixels, with a consistent length', () => {
    const icns = readFileSync(join(icons, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, number>();
    for (let off = 8; off < icns.length; ) {
      const type = icns.toString('ascii', off, off + 4);
      const len = icns.readUInt32BE(off + 4);
      found.set(type, pngSize(icns.subarray(off + 8, off + len)).width);
      off += len;
    }
    expect(found.get('ic10')).toBe(1024);
    expect(found.get('ic09')).toBe(512);
    expect(found.get('ic07')).toBe(128);
    expect(found.get('icp4')).toBe(16);
  });
});
