import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp } from './canvas-helpers';
import { pickCompetencyCsv } from './standards-helpers';

// A spreadsheet a designer typed (no positions: CSV has none) and a CASE package from another publisher
// (no Progressions positions) open as frameworks laid out by prerequisites in domain lanes, as
// Auto-layout would: not in a grid in file order with every domain's lane lying across the others.

const CSV = join(import.meta.dirname, '../fixtures/competencies/two-domains-typed.csv');

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function laneBoxes(page: Page): Promise<Box[]> {
  const lanes = page.locator('.react-flow__node-lane');
  const out: Box[] = [];
  for (let i = 0; i < (await lanes.count()); i++) out.push((await lanes.nth(i).boundingBox())!);
  return out;
}

test('a competencies CSV opens laid out in domain lanes that do not overlap, prerequisites left of what they unlock', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const dialog = await pickCompetencyCsv(page, CSV);
  await expect(dialog.getByTestId('competency-csv-report')).toContainText('5 competencies');
  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toBeHidden();

  // both domains have a header in the lane strip, and their lanes do not lie across each other
  const strip = page.getByTestId('lane-strip');
  await expect(strip.getByText('Geometry')).toBeVisible();
  await expect(strip.getByText('Fractions')).toBeVisible();
  await expect(page.locator('.react-flow__node-lane')).toHaveCount(2);
  await expect.poll(async () => {
    const [a, b] = await laneBoxes(page);
    return !a || !b || overlap(a, b);
  }).toBe(false);
  // a chain runs left to right: G.1 → G.2 → G.3 → FR.1 → FR.2
  const x = async (code: string) => (await page.locator(`.react-flow__node-competency:has([data-code="${code}"])`).boundingBox())!.x;
  expect(await x('G.1')).toBeLessThan(await x('G.2'));
  expect(await x('G.3')).toBeLessThan(await x('FR.1'));
  expect(await x('FR.1')).toBeLessThan(await x('FR.2'));
  expect(errors).toEqual([]);
});

test('a CASE package from another publisher opens laid out in domain lanes that do not overlap', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('pick-case').click();
  await (await chooser).setFiles(join(import.meta.dirname, '../fixtures/case/two-strands-no-positions.case-1.0.json'));
  await expect(dialog.getByTestId('case-report')).toContainText('CASE 1.0');
  await dialog.getByRole('radio', { name: /Open as a new framework/ }).check();
  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/laid out by prerequisites/)).toBeVisible();
  const lanes = page.locator('.react-flow__node-lane');
  await expect(lanes).toHaveCount(2);
  await expect.poll(async () => {
    const [a, b] = await laneBoxes(page);
    return !a || !b || overlap(a, b);
  }).toBe(false);
  // one undo step puts the items back where the package left them
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /auto-layout/);
  expect(errors).toEqual([]);
});
