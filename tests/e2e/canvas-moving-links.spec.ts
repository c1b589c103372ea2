import { expect, test } from '@playwright/test';
import { collectErrors, openApp, settle } from './canvas-helpers';

// While the view moves, links are painted thin and without anti-aliasing and the map is one composited layer
// (software raster of hundreds of curves, and of the whole pane on every frame, is what limits the frame rate
// without a GPU); at rest they are smooth again.
test('links are painted the cheap way only while the view pans, smooth again once it stops', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await settle(page);
  const canvas = page.getByTestId('canvas');
  const path = page.locator('.react-flow__edge-path').first();
  const style = () => path.evaluate((p) => ({ rendering: getComputedStyle(p).shapeRendering, width: getComputedStyle(p).strokeWidth }));
  const willChange = () => page.locator('.react-flow__viewport').evaluate((v) => getComputedStyle(v).willChange);
  const atRest = await style();
  expect(await willChange()).toBe('auto');
  expect(atRest.rendering).toBe('auto');
  await expect(canvas).not.toHaveClass(/is-moving/);
  // drag the bare pane
  const box = (await canvas.boundingBox())!;
  const from = await page.evaluate((b) => {
    for (let y = b.y + 20; y < b.y + b.height - 20; y += 7)
      for (let x = b.x + 60; x < b.x + b.width - 60; x += 9) if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    return null;
  }, box);
  expect(from).not.toBeNull();
  await page.mouse.move(from!.x, from!.y);
  await page.mouse.down();
  await page.mouse.move(from!.x + 30, from!.y + 10, { steps: 3 });
  await expect(canvas).toHaveClass(/is-moving/);
  expect((await style()).rendering).toBe('optimizespeed');
  // the map moves as one composited layer while the view moves, the dotted background with it
  expect(await willChange()).toBe('transform');
  expect(await page.locator('.react-flow__viewport .map-dots').count()).toBe(1);
  await page.mouse.move(from!.x + 60, from!.y + 20, { steps: 3 });
  await page.mouse.up();
  await expect(canvas).not.toHaveClass(/is-moving/);
  expect(await style()).toEqual(atRest);
  // not at rest: a layer keeps the scale it was painted at, text would stay blurred after a zoom
  expect(await willChange()).toBe('auto');
  expect(errors).toEqual([]);
});
