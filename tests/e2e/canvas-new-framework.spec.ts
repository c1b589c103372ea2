import { expect, test, type Page } from '@playwright/test';
import { addCompetency, collectErrors, newFramework, node, openApp, settle } from './canvas-helpers';

/** The canvas zoom (the scale of React Flow's viewport transform). */
const zoom = (page: Page) =>
  page.evaluate(() => Number(/scale\(([-\d.e]+)\)/.exec((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform)?.[1]));

test('a new framework starts at zoom 1, not at the last map’s zoom: the first competencies are readable', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await settle(page);
  // the example is fitted to the view, zoomed out
  await expect.poll(() => zoom(page)).toBeLessThan(0.95);
  await newFramework(page);
  await addCompetency(page, 'A.1', 'I can add fractions');
  await addCompetency(page, 'A.2', 'I can compare fractions');
  await settle(page);
  expect(await zoom(page)).toBe(1);
  for (const code of ['A.1', 'A.2']) {
    const box = (await node(page, code).boundingBox())!;
    expect(box.width, `${code} drawn at full size`).toBeGreaterThan(200);
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    expect(box.x >= canvas.x && box.x + box.width <= canvas.x + canvas.width, `${code} in view`).toBe(true);
  }
  expect(errors).toEqual([]);
});
