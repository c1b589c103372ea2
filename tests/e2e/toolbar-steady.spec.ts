import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './canvas-helpers';

// The toolbar buttons must not move when the framework's title changes: after New framework the short
// title "Untitled framework" used to pull every button ~90 px to the left, under the pointer — a second
// click on New then hit Save as… instead.
for (const [width, height] of [
  [1366, 768],
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`${width}×${height}: New framework leaves the toolbar buttons where they were`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.setViewportSize({ width, height });
    await openApp(page);
    const at = async () => {
      const out: number[] = [];
      for (const name of ['New framework', 'Open', 'Save', 'Import…', 'Export…']) out.push((await page.getByRole('button', { name, exact: true }).boundingBox())!.x);
      return out;
    };
    const before = await at();
    await page.getByRole('button', { name: 'New framework' }).click();
    await expect(page.getByTestId('empty-canvas')).toBeVisible();
    await expect(page.locator('.tb-framework')).toHaveText('Untitled framework');
    expect(await at()).toEqual(before);
    expect(errors).toEqual([]);
  });
}
