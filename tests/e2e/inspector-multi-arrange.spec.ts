import { expect, test } from '@playwright/test';
import { addCompetency, clickEmptyCanvas, collectErrors, newFramework, node, openApp } from './canvas-helpers';

// On a 1366×768 Chromebook the Arrange buttons of a multi-selection ("Align centres (vertical axis)",
// "Distribute vertically") were cut off by the side panel's edge: the two-column grid grew to fit the
// longest label on one line. Each button is now inside the panel, its label whole.
for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1024, height: 700 },
]) {
  test(`${viewport.width}×${viewport.height}: the Arrange buttons of a multi-selection fit in the side panel`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const errors = collectErrors(page);
    await openApp(page);
    await newFramework(page);
    await addCompetency(page, 'A.1', 'Count to 20');
    await addCompetency(page, 'A.2', 'Add within 20');
    await clickEmptyCanvas(page);
    await node(page, 'A.1').click();
    await node(page, 'A.2').click({ modifiers: ['Shift'] });
    await expect(page.getByRole('heading', { name: '2 competencies selected' })).toBeVisible();
    const grid = page.locator('.button-grid');
    const buttons = grid.getByRole('button');
    await expect(buttons).toHaveCount(8);
    const panel = (await page.locator('.panel', { has: grid }).boundingBox())!;
    for (let i = 0; i < 8; i++) {
      const b = buttons.nth(i);
      const box = (await b.boundingBox())!;
      const label = (await b.textContent()) ?? '';
      expect(box.x + box.width, `“${label}” ends inside the panel`).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
      expect(await b.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), `“${label}” is shown whole`).toBe(true);
    }
    expect(errors).toEqual([]);
  });
}
