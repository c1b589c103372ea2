import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp, settle } from './canvas-helpers';

/**
 * Screen points on different competencies, other than `except` (on a narrow window the fitted example map
 * overlaps nodes and lane labels, so `.cnode` locators can be covered: find what is on top instead). Each
 * point is the one nearest the middle of what shows of its card, not on its edge; the cards that show most
 * come first.
 */
async function competencyPoints(page: Page, except?: string): Promise<{ id: string; x: number; y: number }[]> {
  return page.evaluate((except) => {
    const hits = new Map<string, { x: number; y: number }[]>();
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    for (let y = pane.top + 20; y < pane.bottom - 20; y += 16)
      for (let x = pane.left + 20; x < pane.right - 20; x += 16) {
        const n = document.elementFromPoint(x, y)?.closest<HTMLElement>('.react-flow__node-competency');
        const id = n?.dataset.id;
        if (id && id !== except) hits.set(id, [...(hits.get(id) ?? []), { x, y }]);
      }
    return [...hits]
      .sort((p, q) => q[1].length - p[1].length)
      .map(([id, pts]) => {
        const mx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
        const my = pts.reduce((s, p) => s + p.y, 0) / pts.length;
        const d = (p: { x: number; y: number }) => (p.x - mx) ** 2 + (p.y - my) ** 2;
        const mid = pts.reduce((a, b) => (d(b) < d(a) ? b : a));
        return { id, ...mid };
      });
  }, except);
}

/** Selects two competencies (the Align… picker appears); `between` runs after the first is selected. */
async function selectTwo(page: Page, between?: () => Promise<void>): Promise<void> {
  // the map is fitted to the window just after it shows
  await settle(page);
  const [a] = await competencyPoints(page);
  expect(a, 'a competency on screen').toBeDefined();
  await page.mouse.click(a!.x, a!.y);
  await between?.();
  // `between` may move the view (Focus frames the neighbourhood): look again once it has settled
  await settle(page);
  const [b] = await competencyPoints(page, a!.id);
  expect(b, 'another competency on screen').toBeDefined();
  await page.keyboard.down('Shift');
  await page.mouse.click(b!.x, b!.y);
  await page.keyboard.up('Shift');
  await expect(page.getByLabel('Align selection')).toBeVisible();
}

test.use({ viewport: { width: 1366, height: 768 } });

// On a 1366×768 school laptop, Focus mode adds its depth field to the toolbar: the framework title must
// stay readable (the search box gives way) and nothing may be pushed off the right edge.
test('1366×768: in focus mode the title stays readable and the toolbar fits', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.locator('.cnode').first().click();
  await page.getByRole('button', { name: 'Focus' }).click();
  await expect(page.getByLabel('Focus depth')).toBeVisible();
  const titleWidth = await page.locator('.tb-framework').evaluate((e) => e.getBoundingClientRect().width);
  expect(titleWidth).toBeGreaterThanOrEqual(100);
  const overflow = await page.locator('.toolbar').evaluate((e) => e.scrollWidth - e.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInViewport();
  expect(errors).toEqual([]);
});

test('1366×768: selecting two competencies (Align… appears) keeps the toolbar on screen', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.locator('.cnode').nth(0).click();
  await page.locator('.cnode').nth(1).click({ modifiers: ['Shift'] });
  await expect(page.getByLabel('Align selection')).toBeVisible();
  const overflow = await page.locator('.toolbar').evaluate((e) => e.scrollWidth - e.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInViewport();
  await expect(page.getByLabel('Search competencies')).toBeInViewport({ ratio: 1 });
  expect(errors).toEqual([]);
});

// Chromebooks in a 1024-wide window or split screen: text buttons collapse to icons, the search shrinks,
// the title truncates — and the controls on the right (search, theme, help) stay on screen and usable.
for (const width of [1024, 1180, 1280]) {
  test.describe(`${width}×768`, () => {
    test.use({ viewport: { width, height: 768 } });

    test(`${width} px: the toolbar fits and search, theme and help stay reachable`, async ({ page }) => {
      const errors = collectErrors(page);
      await openApp(page);
      // Two competencies selected adds the Align… picker: the widest everyday toolbar.
      await selectTwo(page);
      const overflow = await page.locator('.toolbar').evaluate((e) => e.scrollWidth - e.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      // Collapsed buttons keep their accessible names.
      for (const name of ['Competency', 'Focus', 'Save as…']) await expect(page.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
      await expect(page.getByRole('button', { name: /Auto-layout/ })).toBeInViewport({ ratio: 1 });

      const search = page.getByLabel('Search competencies');
      await expect(search).toBeInViewport({ ratio: 1 });
      await search.click();
      await expect(search).toBeFocused();

      const theme = page.getByRole('button', { name: /^Theme: / });
      await expect(theme).toBeInViewport({ ratio: 1 });
      const before = await theme.getAttribute('aria-label');
      await theme.click();
      await expect(theme).not.toHaveAttribute('aria-label', before!);

      const help = page.getByRole('button', { name: 'Keyboard shortcuts' });
      await expect(help).toBeInViewport({ ratio: 1 });
      await help.click();
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      expect(errors).toEqual([]);
    });
  });
}

// The widest toolbar of all: two competencies selected in focus mode shows both Align… and the depth
// field. At 1024 px the framework title used to shrink to two letters.
test.describe('1024×768 with Align… and focus depth', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the framework title stays readable and the toolbar still fits', async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page);
    await selectTwo(page, () => page.getByRole('button', { name: 'Focus' }).click());
    await expect(page.getByLabel('Focus depth')).toBeVisible();
    const titleWidth = await page.locator('.tb-framework').evaluate((e) => e.getBoundingClientRect().width);
    expect(titleWidth).toBeGreaterThanOrEqual(90);
    const overflow = await page.locator('.toolbar').evaluate((e) => e.scrollWidth - e.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const name of ['Keyboard shortcuts', 'Focus']) await expect(page.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
    await expect(page.getByLabel('Search competencies')).toBeInViewport({ ratio: 1 });
    await expect(page.getByLabel('Focus depth')).toBeInViewport({ ratio: 1 });
    await expect(page.getByLabel('Align selection')).toBeInViewport({ ratio: 1 });
    expect(errors).toEqual([]);
  });
});
