import { expect, test } from '@playwright/test';
import { collectErrors } from './canvas-helpers';
import { touchDrag, touchSession } from './qa-h-touch-helpers';
import { openClassByTouch } from './qa-o-touch-helpers';

// On a touch Chromebook (1366×768 at 125 %) the Learners panel's Class view made the page itself taller than the
// window (a status line for screen readers, placed by the page): a finger drawn up the side rail scrolled the
// whole app — the toolbar slid away and a blank band showed below.
test.use({ viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25, hasTouch: true, isMobile: false });

test('in every Learners view the page stays the window’s height, and a finger on the side rail does not scroll the app', async ({ page }) => {
  const errors = collectErrors(page);
  const panel = await openClassByTouch(page);
  await panel.getByTestId('learner-select').selectOption('maya');
  const cdp = await touchSession(page);
  const rail = (await page.getByRole('tab', { name: 'Learners' }).boundingBox())!;
  for (const name of ['Learner', 'Class', 'Path', 'Pacing', 'Review', 'Compare']) {
    await panel.getByRole('tab', { name, exact: true }).tap();
    await expect(panel.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight), `${name}: the page is no taller than the window`).toBeLessThanOrEqual(0);
    await touchDrag(cdp, { x: rail.x + rail.width / 2, y: 560 }, { x: rail.x + rail.width / 2, y: 200 });
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop), `${name}: the app did not scroll`).toBe(0);
    await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeInViewport({ ratio: 1 });
  }
  expect(errors).toEqual([]);
});
