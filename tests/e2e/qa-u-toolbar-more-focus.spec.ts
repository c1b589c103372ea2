import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './canvas-helpers';

// More (the toolbar's overflow menu) goes away where the toolbar has room again — the window widens, a running
// auto-layout ends. A keyboard user on More, or in its open menu, was left on the page's body; the focus now
// moves to the button that came back out of More.

const active = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return !e || e === document.body ? 'body' : (e.getAttribute('aria-label') ?? e.innerText.trim());
  });

async function openExample(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 700 });
  await page.goto('./?open=/examples/student-science-inquiry.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
}

test.describe('mouse (the toolbar measures itself)', () => {
  test('More focused, the window widens: the first button back out of More has the focus', async ({ page }) => {
    const errors = collectErrors(page);
    await openExample(page, 700);
    const more = page.getByRole('button', { name: 'More', exact: true });
    await expect(more).toBeVisible();
    await more.focus();
    await expect(more).toBeFocused();
    await page.setViewportSize({ width: 1300, height: 700 });
    await expect(more).toBeHidden();
    const back = page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'New framework', exact: true });
    await expect(back).toBeVisible();
    await expect(back).toBeFocused();
    expect(await active(page)).toBe('New framework');
    // the keyboard goes on from there
    await page.keyboard.press('Tab');
    expect(await active(page)).toBe('Open');
    expect(errors).toEqual([]);
  });

  test('an item of the open menu focused, the window widens: its own button on the toolbar has the focus', async ({ page }) => {
    await openExample(page, 600); // More holds Import… and Export… too
    const more = page.getByRole('button', { name: 'More', exact: true });
    await more.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'More' });
    await expect(menu).toBeVisible();
    const item = menu.getByRole('menuitem', { name: 'Export…' });
    while (!(await item.evaluate((e) => e === document.activeElement))) await page.keyboard.press('ArrowDown');
    await page.setViewportSize({ width: 1300, height: 700 });
    await expect(more).toBeHidden();
    await expect(menu).toBeHidden();
    await expect(page.getByRole('button', { name: 'Export…', exact: true })).toBeFocused();
    // More comes back closed when the window narrows again
    await page.setViewportSize({ width: 600, height: 700 });
    await expect(more).toBeVisible();
    await expect(more).toHaveAttribute('aria-expanded', 'false');
  });

  test('More not focused: widening the window leaves the focus where it was', async ({ page }) => {
    await openExample(page, 700);
    await page.getByRole('button', { name: 'Open', exact: true }).focus();
    await page.setViewportSize({ width: 1300, height: 700 });
    await expect(page.getByRole('button', { name: 'More', exact: true })).toBeHidden();
    expect(await active(page)).toBe('Open');
  });
});

test.describe('touch screen (a media query hides More)', () => {
  test.use({ hasTouch: true, isMobile: false });

  test('More focused, the window widens past 1279 px: the first button back out of More has the focus', async ({ page }) => {
    await openExample(page, 1200);
    const more = page.getByRole('button', { name: 'More', exact: true });
    await expect(more).toBeVisible();
    await more.focus();
    await page.setViewportSize({ width: 1300, height: 700 });
    await expect(more).toBeHidden();
    await expect(page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'New framework', exact: true })).toBeFocused();
  });
});
