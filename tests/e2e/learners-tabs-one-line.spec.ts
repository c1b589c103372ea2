import { expect, test, type Page } from '@playwright/test';

// The Learners panel's view tabs stay on one line at every width (a Chromebook at 150 %, a laptop): at a narrow
// panel the strip scrolls, and the tab chosen — by click or by the arrow keys — is scrolled fully into view.
async function tabRows(page: Page) {
  return page.getByRole('tablist', { name: 'Learner views' }).evaluate((list) => {
    const l = list.getBoundingClientRect();
    return {
      list: { left: l.left, right: l.right, height: l.height },
      tabs: [...list.querySelectorAll('[role=tab]')].map((t) => {
        const r = t.getBoundingClientRect();
        return { name: t.textContent ?? '', top: Math.round(r.top), height: r.height, left: r.left, right: r.right };
      }),
    };
  });
}

for (const [width, height] of [
  [683, 467],
  [1024, 700],
  [1366, 768],
] as const) {
  test(`at ${width}×${height} the learner view tabs are one row; the chosen one is in view`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('./?open=/examples/grade3-5-fractions.json');
    await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
    await page.getByRole('tab', { name: 'Learners' }).click();
    const views = page.getByRole('tablist', { name: 'Learner views' });
    await expect(views).toBeVisible();
    const { list, tabs } = await tabRows(page);
    expect(tabs.map((t) => t.name)).toEqual(['Learner', 'Class', 'Path', 'Pacing', 'Review', 'Compare']);
    for (const t of tabs) expect(t.top, `${t.name} on the first row`).toBe(tabs[0]!.top);
    expect(list.height).toBeLessThan(tabs[0]!.height * 1.5);

    // End: the last tab is chosen and scrolled fully into the strip; Home brings the first back
    await views.getByRole('tab', { name: 'Learner', exact: true }).click();
    await page.keyboard.press('End');
    await expect(views.getByRole('tab', { name: 'Compare' })).toBeFocused();
    await expect(views.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
    await expect.poll(async () => {
      const r = await tabRows(page);
      const c = r.tabs.find((t) => t.name === 'Compare')!;
      return c.left >= r.list.left - 1 && c.right <= r.list.right + 1;
    }).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(async () => {
      const r = await tabRows(page);
      const c = r.tabs.find((t) => t.name === 'Learner')!;
      return c.left >= r.list.left - 1 && c.right <= r.list.right + 1;
    }).toBe(true);
  });
}

test('at 683×467 a mouse wheel over the tabs scrolls them sideways, not the panel', async ({ page }) => {
  await page.setViewportSize({ width: 683, height: 467 });
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Learners' }).click();
  const views = page.getByRole('tablist', { name: 'Learner views' });
  await views.scrollIntoViewIfNeeded();
  const box = (await views.boundingBox())!;
  expect(await views.evaluate((l) => l.scrollLeft)).toBe(0);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 120);
  await expect.poll(() => views.evaluate((l) => l.scrollLeft)).toBeGreaterThan(0);
  expect((await views.boundingBox())!.y).toBe(box.y);
});
