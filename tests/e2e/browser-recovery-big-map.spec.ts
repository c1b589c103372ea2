import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { loadFrameworkText, serializeFramework } from '../../src-core/format/frameworkFile';
import { collectErrors, openApp, serveGenerated } from './canvas-helpers';
import { journalRecords } from './recovery-helpers';

// A district-sized map: 2,500 competencies, its file larger than localStorage's ~5 MB quota.
// Loosely placed (a grid), so an auto-layout moves nearly every competency.
const big = generateFramework({ competencies: 2500, seed: 11, layout: false });
const BIG_FILE = serializeFramework(big);
const LOCAL_STORAGE_QUOTA = 5 * 1024 * 1024;

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('progressions.fsAccess', 'off'); // save = download
    const s = JSON.parse(localStorage.getItem('progressions.settings') ?? '{}');
    localStorage.setItem('progressions.settings', JSON.stringify({ ...s, autosaveSeconds: 1 }));
  });
  await serveGenerated(page, 'district.json', BIG_FILE);
});

test('an auto-layout of a 2,500-competency map that nobody saved is kept for recovery and restored after the tab went away', async ({ page }) => {
  test.setTimeout(180_000);
  expect(BIG_FILE.length).toBeGreaterThan(LOCAL_STORAGE_QUOTA);
  const errors = collectErrors(page);
  page.on('dialog', (d) => void d.accept()); // "leave the page with unsaved changes?"
  await openApp(page, '?open=/generated/district.json');
  await expect(page.getByText(big.title).first()).toBeVisible();

  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo: auto-layout/, { timeout: 90_000 });
  await expect(page.getByTestId('dirty-mark')).toBeVisible();
  // the journal (written every autosave interval, 1 s here) holds the whole edited map …
  await expect.poll(async () => (await journalRecords(page)).map((r) => r.bytes > LOCAL_STORAGE_QUOTA), { timeout: 30_000 }).toEqual([true]);
  // … and nothing says it could not be kept
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await expect(page.getByText(/could not be kept/)).toHaveCount(0);

  // the tab goes away (a navigation fires pagehide like a closed tab); the next start offers the map back
  await page.goto('./');
  const offer = page.getByRole('dialog', { name: 'Restore unsaved work' });
  await expect(offer).toContainText(big.title, { timeout: 20_000 });
  await expect(offer.getByRole('listitem')).toHaveCount(1);
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByText(big.title).first()).toBeVisible();
  await expect(page.getByTestId('dirty-mark')).toBeVisible();

  // what came back is the laid-out map: every competency, nearly all of them moved from the grid
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const path = test.info().outputPath('restored.json');
  await (await download).saveAs(path);
  await expect(page.getByTestId('dirty-mark')).toHaveCount(0);
  const restored = loadFrameworkText(readFileSync(path, 'utf8'));
  expect(restored.ok).toBe(true);
  if (!restored.ok) return;
  const comps = restored.value.framework.competencies;
  expect(Object.keys(comps)).toHaveLength(2500);
  const moved = Object.values(big.competencies).filter((c) => {
    const p = comps[c.id]?.position;
    return p && (p.x !== c.position.x || p.y !== c.position.y);
  });
  expect(moved.length).toBeGreaterThan(2000);

  // saved: the journal is cleared, nothing is offered on the next start
  await expect.poll(() => journalRecords(page)).toEqual([]);
  await page.goto('./');
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.locator('.react-flow__node-competency').first()).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Restore unsaved work' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('what an older build journalled in localStorage is still offered, and gone once restored', async ({ page }) => {
  const errors = collectErrors(page);
  const small = generateFramework({ competencies: 12, seed: 3 });
  await openApp(page);
  await page.evaluate(
    (text) =>
      localStorage.setItem(
        'progressions.journal.tab-of-an-older-build',
        JSON.stringify({ name: 'older.json', title: 'Journalled by an older build', savedAt: new Date().toISOString(), docToken: null, text }),
      ),
    serializeFramework(small),
  );
  await page.reload();
  const offer = page.getByRole('dialog', { name: 'Restore unsaved work' });
  await expect(offer).toContainText('Journalled by an older build');
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(12);
  await expect(page.getByTestId('dirty-mark')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('progressions.journal.tab-of-an-older-build'))).toBeNull();
  expect(errors).toEqual([]);
});

test('when the browser’s storage is full, the banner says so in plain words once, not on every autosave', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  const failedWrites: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().startsWith('Recovery journal write failed')) failedWrites.push(m.text());
  });
  page.on('dialog', (d) => void d.accept());
  // every IndexedDB write is refused as over quota (and the map is too big for localStorage)
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('Quota exceeded (simulated).', 'QuotaExceededError');
    };
  });
  await openApp(page, '?open=/generated/district.json');
  await expect(page.getByText(big.title).first()).toBeVisible();

  await page.getByRole('button', { name: /Auto-layout/ }).click();
  const banner = page.getByTestId('error-banner');
  await expect(banner).toHaveText("Unsaved changes could not be kept for crash recovery (the browser's storage is full). Save the file to keep your work.", {
    timeout: 90_000,
  });
  expect(failedWrites.join('\n')).toContain('QuotaExceededError'); // the browser's own words are in the console
  await banner.getByRole('button', { name: 'Dismiss' }).click();

  // more edits of the same document: the journal keeps failing, the banner does not come back
  const failedBefore = failedWrites.length;
  await page.getByTitle('Add a competency (N)').click();
  await expect(page.locator('#field-code')).toBeFocused();
  await expect.poll(() => failedWrites.length, { timeout: 20_000 }).toBeGreaterThan(failedBefore);
  await expect(banner).toHaveCount(0);
  await expect(page.getByText(/could not be kept/)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a closed tab journals its latest edits of a big map as it goes, before any autosave tick', async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    const s = JSON.parse(localStorage.getItem('progressions.settings') ?? '{}');
    localStorage.setItem('progressions.settings', JSON.stringify({ ...s, autosaveSeconds: 600 }));
  });
  page.on('dialog', (d) => void d.accept());
  await openApp(page, '?open=/generated/district.json');
  await expect(page.getByText(big.title).first()).toBeVisible();
  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo: auto-layout/, { timeout: 90_000 });
  expect(await journalRecords(page)).toEqual([]); // the next autosave is minutes away

  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  const next = await context.newPage();
  await openApp(next);
  const offer = next.getByRole('dialog', { name: 'Restore unsaved work' });
  await expect(offer).toContainText(big.title);
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(next.getByText(big.title).first()).toBeVisible();
  await expect(next.getByTestId('dirty-mark')).toBeVisible();
  expect(errors).toEqual([]);
});
