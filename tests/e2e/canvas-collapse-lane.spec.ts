import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp, settle } from './canvas-helpers';

// A collapsed domain's lane shrinks to its card: no tall empty band where its competencies were. Its header in the
// strip follows the lane, keeps its Expand button; expanding gives the lane its size back.
const fw = (JSON.parse(readFileSync('resources/examples/grade3-5-fractions.json', 'utf8')) as { framework: { domains: { id: string; title: string }[] } }).framework;
const tallest = fw.domains.find((d) => d.title === 'Multiplying & Dividing Fractions')!;

const boxOf = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!;

test('collapsing the tallest domain shrinks its lane to its card; expanding restores it', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await settle(page);
  const laneSel = `.react-flow__node-lane[data-id="lane:${tallest.id}"]`;
  const headerSel = `[data-testid="lane-strip"] .lane-label[data-domain="${tallest.id}"]`;
  const before = await boxOf(page, laneSel);
  const headerBefore = await boxOf(page, headerSel);

  await page.getByRole('button', { name: `Collapse domain ${tallest.title}`, exact: true }).click();
  const card = page.locator(`[data-testid="collapsed-domain"][data-domain="${tallest.id}"]`);
  await expect(card).toBeVisible();
  await settle(page);
  const lane = await boxOf(page, laneSel);
  const c = (await card.boundingBox())!;
  // the lane holds the card, with no more than a lane's padding around it (30 + 24 flow units at this zoom)
  expect(lane.y).toBeLessThanOrEqual(c.y + 1);
  expect(lane.y + lane.height).toBeGreaterThanOrEqual(c.y + c.height - 1);
  expect(lane.height).toBeLessThan(c.height * 2);
  expect(lane.height).toBeLessThan(before.height * 0.6);
  // along the flow it still spans the drawing
  expect(Math.round(lane.x)).toBe(Math.round(before.x));
  expect(Math.round(lane.width)).toBe(Math.round(before.width));
  // its header follows it and still offers Expand
  const header = await boxOf(page, headerSel);
  expect(Math.abs(header.y - lane.y)).toBeLessThan(2);
  expect(header.height).toBeLessThan(headerBefore.height);
  await expect(page.locator(headerSel).getByRole('button', { name: `Expand domain ${tallest.title}` })).toBeVisible();

  await page.locator(headerSel).getByRole('button', { name: `Expand domain ${tallest.title}` }).click();
  await expect(card).toHaveCount(0);
  await settle(page);
  expect(await boxOf(page, laneSel)).toEqual(before);
  expect(errors).toEqual([]);
});
