import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { node, openApp } from './canvas-helpers';

// Framework files in UTF-16, as Windows tools write them, opened by link and by Open… (qa-n, qa-r). The specs that
// use Open… turn the File System Access API off (`progressions.fsAccess`), so it shows a file chooser.

/** The science example's file text, and how many competencies it has. */
export const science = readFileSync('resources/examples/student-science-inquiry.json', 'utf8');
export const scienceCount = Object.keys((JSON.parse(science) as { framework: { competencies: object } }).framework.competencies).length;

/** `text` in UTF-16, little or big endian, with its byte order mark (PowerShell 5, Notepad's "Unicode") or without. */
export function utf16(text: string, { le = true, bom = true }: { le?: boolean; bom?: boolean } = {}): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (!le) body.swap16();
  return bom ? Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), body]) : body;
}

/** Every competency of the science example shows, under the file's name `name`. */
async function expectScience(page: Page, name: string): Promise<void> {
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(scienceCount);
  await expect(page.getByTestId('doc-name')).toHaveText(name);
}

/** Opens the science example from `bytes` served at `published/<name>`, by `?open=`. */
export async function openScienceByLink(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.route(`**/published/${name}`, (route) => route.fulfill({ body: bytes, contentType: 'application/json' }));
  await openApp(page, `?open=published/${name}`);
  await expectScience(page, name);
}

/** Opens the app (the fractions example), then the science example from `bytes` picked as `name` with Open…. */
export async function openScienceWithOpen(page: Page, name: string, bytes: Buffer): Promise<void> {
  await openApp(page);
  await expect(node(page, 'FR.3.1')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: bytes });
  await expectScience(page, name);
}
