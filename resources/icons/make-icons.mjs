#!/usr/bin/env node
// Renders resources/icons/icon.svg into every icon the installers need, with the Chromium that the
// e2e tests use (no ImageMagick needed):
//   png/<n>x<n>.png for n = 16 … 1024 (Linux, and the window icon), icon.png (512),
//   icon.ico (Windows: 16, 24, 32, 48, 64, 128, 256 as PNG entries), icon.icns (macOS: PNG entries).
// Run: node resources/icons/make-icons.mjs   (CHROMIUM=/path/to/chrome to use another browser)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const here = import.meta.dirname;
const svg = readFileSync(join(here, 'icon.svg'), 'utf8');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const png = new Map();
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    png.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    await page.close();
  }
} finally {
  await browser.close();
}

mkdirSync(join(here, 'png'), { recursive: true });
for (const [size, buf] of png) writeFileSync(join(here, 'png', `${size}x${size}.png`), buf);
writeFileSync(join(here, 'icon.png'), png.get(512));

// ICO: a directory of PNG images (supported since Windows Vista).
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(icoSizes.length, 4);
const entries = [];
let offset = 6 + 16 * icoSizes.length;
for (const s of icoSizes) {
  const data = png.get(s);
  const e = Buffer.alloc(16);
  e.writeUInt8(s >= 256 ? 0 : s, 0);
  e.writeUInt8(s >= 256 ? 0 : s, 1);
  e.writeUInt8(0, 2);
  e.writeUInt8(0, 3);
  e.writeUInt16LE(1, 4);
  e.writeUInt16LE(32, 6);
  e.writeUInt32LE(data.length, 8);
  e.writeUInt32LE(offset, 12);
  offset += data.length;
  entries.push(e);
}
writeFileSync(join(here, 'icon.ico'), Buffer.concat([header, ...entries, ...icoSizes.map((s) => png.get(s))]));

// ICNS: typed PNG chunks (icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024 = 512@2x,
// ic11 32 = 16@2x, ic12 64 = 32@2x, ic13 256 = 128@2x, ic14 512 = 256@2x).
const icnsTypes = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
  ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];
const chunks = icnsTypes.map(([type, s]) => {
  const data = png.get(s);
  const h = Buffer.alloc(8);
  h.write(type, 0, 'ascii');
  h.writeUInt32BE(data.length + 8, 4);
  return Buffer.concat([h, data]);
});
const body = Buffer.concat(chunks);
const icnsHeader = Buffer.alloc(8);
icnsHeader.write('icns', 0, 'ascii');
icnsHeader.writeUInt32BE(body.length + 8, 4);
writeFileSync(join(here, 'icon.icns'), Buffer.concat([icnsHeader, body]));

console.log(`icons written: png/{${SIZES.join(',')}}, icon.png, icon.ico, icon.icns`);
