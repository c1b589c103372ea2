import { expect, test } from '@playwright/test';
import { collectErrors, flowView, openApp } from './canvas-helpers';
import { middle, pinch, touchDrag, touchSession } from './qa-h-touch-helpers';

// A Chromebook in tablet mode (1280×800, touch, no mouse). The lane strip beside the map scrolled the lanes with
// the wheel only: a finger drawn along it did nothing, and the only way to collapse a domain from it was its
// 16×15 px chevron (a narrow column's header has none). Now a finger drawn along the strip scrolls the lanes,
// and a tap anywhere on a header collapses or expands its domain.
test.use({ viewport: { width: 1280, height: 800 }, hasTouch: true, isMobile: false });

test('a finger drawn up the lane strip scrolls the lanes with it', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  const cdp = await touchSession(page);
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  // zoomed in (two fingers spread over the map), so the lanes run past the window
  await pinch(cdp, { x: canvas.x + 300, y: canvas.y + 250 }, 60, 240);
  await page.waitForTimeout(400);
  const strip = (await page.getByTestId('lane-strip').boundingBox())!;
  const before = await flowView(page);
  expect(before.k).toBeGreaterThan(0.5);
  await touchDrag(cdp, { x: strip.x + 60, y: strip.y + 500 }, { x: strip.x + 60, y: strip.y + 300 });
  const after = await flowView(page);
  // the lanes followed the finger (less the few px before it counts as a swipe); across, and the zoom, unchanged
  expect(after.ty - before.ty).toBeLessThan(-180);
  expect(after.ty - before.ty).toBeGreaterThan(-201);
  expect(after.tx).toBe(before.tx);
  expect(after.k).toBe(before.k);
  // the headers followed the lanes
  const lane = page.locator('.react-flow__node-lane').first();
  const header = page.getByTestId('lane-strip').locator('.lane-label').first();
  await expect.poll(async () => Math.abs((await header.boundingBox())!.y - Math.max(canvas.y, (await lane.boundingBox())!.y))).toBeLessThan(2);
  expect(errors).toEqual([]);
});

test('with lanes as columns, a finger drawn along the strip above the map scrolls the columns sideways', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  await page.getByRole('button', { name: 'Lanes: horizontal' }).tap();
  const strip = page.getByTestId('lane-strip');
  await expect(strip).toHaveClass(/lane-strip-top/);
  const cdp = await touchSession(page);
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  await pinch(cdp, { x: canvas.x + 300, y: canvas.y + 250 }, 60, 240);
  await page.waitForTimeout(400);
  const box = (await strip.boundingBox())!;
  const before = await flowView(page);
  const y = box.y + box.height - 12;
  await touchDrag(cdp, { x: box.x + 500, y }, { x: box.x + 300, y: y + 4 });
  const after = await flowView(page);
  expect(after.tx - before.tx).toBeCloseTo(-200, 0);
  expect(after.ty).toBe(before.ty);
  expect(after.k).toBe(before.k);
  expect(errors).toEqual([]);
});

test('a tap on a lane header (its title, away from the chevron) collapses its domain, and another expands it', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  const header = page.getByTestId('lane-strip').locator('.lane-label', { hasText: 'Equivalence' });
  const title = header.locator('.lane-label-title');
  const at = middle((await title.boundingBox())!);
  const chevron = (await header.locator('.collapse-btn').boundingBox())!;
  expect(at.x - (chevron.x + chevron.width)).toBeGreaterThan(12); // clearly not on the chevron
  await page.touchscreen.tap(at.x, at.y);
  await expect(header.getByRole('button', { name: 'Expand domain Equivalence & Comparison' })).toBeVisible();
  await expect(page.locator('.react-flow__node-collapsedDomain')).toHaveCount(1);
  const again = middle((await header.locator('.lane-label-title').boundingBox())!);
  await page.touchscreen.tap(again.x, again.y);
  await expect(header.getByRole('button', { name: 'Collapse domain Equivalence & Comparison' })).toBeVisible();
  await expect(page.locator('.react-flow__node-collapsedDomain')).toHaveCount(0);
  // the chevron itself still toggles once (not twice: the header does not toggle it back)
  const c = middle((await header.locator('.collapse-btn').boundingBox())!);
  await page.touchscreen.tap(c.x, c.y);
  await expect(header.getByRole('button', { name: 'Expand domain Equivalence & Comparison' })).toBeVisible();
  expect(errors).toEqual([]);
});

test.describe('with a mouse', () => {
  test.use({ hasTouch: false });
  test('a click on a lane header away from the chevron changes nothing (the tooltip names the domain)', async ({ page }) => {
    await openApp(page, '?open=/examples/grade3-5-fractions.json');
    const header = page.getByTestId('lane-strip').locator('.lane-label', { hasText: 'Equivalence' });
    await header.locator('.lane-label-title').click();
    await page.waitForTimeout(200);
    await expect(header.getByRole('button', { name: 'Collapse domain Equivalence & Comparison' })).toBeVisible();
    await expect(page.locator('.react-flow__node-collapsedDomain')).toHaveCount(0);
  });
});
