import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openScienceWithRecent, settle } from './canvas-helpers';

// With every optional control showing — Open Recent, Align… (two selected), Focus's depth field and a running
// auto-layout's Cancel — the touch toolbar at 683 px (a 1024 px Chromebook at 150 %) fitted only by squeezing the
// framework's title to 0 px, and at 853 px (1280 px at 150 %) to two letters. Where the title would drop below a
// few characters and an ellipsis, Redo moves into More too and the logo goes; the title is never narrower.

const FILE = 'district-plan.json';
const TEXT = readFileSync(join(import.meta.dirname, '../fixtures/frameworks/v1-minimal.json'), 'utf8');
const TITLE = 'Science Inquiry Skills — Our Class Progression';
/** Toolbar.tsx MIN_TITLE: three or four characters of the title and an ellipsis. */
const MIN_TITLE = 40;

/**
 * The widest toolbar: a file in Open Recent, the science example open with two competencies selected (Align…),
 * an alignment taken back (something to redo), Focus on (the depth field), an auto-layout held running (Cancel).
 */
async function widestToolbar(page: Page): Promise<() => void> {
  const release = await openScienceWithRecent(page, FILE, TEXT);
  await page.locator('.cnode').nth(0).click({ force: true });
  await page.locator('.cnode').nth(1).click({ force: true, modifiers: ['Shift'] });
  await page.getByLabel('Align selection').selectOption('left');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.keyboard.press('Shift+F');
  await expect(page.getByLabel('Align selection')).toBeVisible();
  await expect(page.getByLabel('Focus depth')).toBeVisible();
  await settle(page);
  await page.keyboard.press('l');
  await expect(page.getByRole('button', { name: 'Cancel auto-layout' })).toBeVisible();
  return release;
}

/** The toolbar as laid out: overflow, the title's width, and the names of the controls shown on it. */
async function measure(page: Page) {
  return page.locator('.toolbar').evaluate((bar) => ({
    overflow: bar.scrollWidth - bar.clientWidth,
    title: bar.querySelector('.tb-framework')!.getBoundingClientRect().width,
    shown: [...bar.querySelectorAll('button, select, input')]
      .filter((c) => c.getClientRects().length > 0 && !c.closest('[role="menu"]'))
      .map((c) => ({ name: c.getAttribute('aria-label') ?? (c as HTMLElement).innerText.trim(), right: c.getBoundingClientRect().right })),
  }));
}

/** The title keeps a readable width, names the whole framework, and every control is on screen. */
async function expectReadableTitle(page: Page, width: number, minTitle: number) {
  const m = await measure(page);
  expect(m.overflow, 'nothing overflows the toolbar').toBeLessThanOrEqual(0);
  expect(m.title, 'the framework title keeps a few characters').toBeGreaterThanOrEqual(minTitle);
  for (const c of m.shown) expect(c.right, `${c.name} on screen`).toBeLessThanOrEqual(width);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveAccessibleName(TITLE);
  await expect(heading).toHaveAttribute('title', TITLE);
  for (const name of ['Help and keyboard shortcuts', 'Cancel auto-layout', 'Recent ▾', 'Undo']) await expect(page.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
  return m;
}

/** The More menu's items shown, opened and closed with the pointer given. */
async function moreItems(page: Page, tap: boolean): Promise<string[]> {
  const more = page.getByRole('button', { name: 'More', exact: true });
  if (tap) await more.tap();
  else await more.click();
  const menu = page.getByRole('menu', { name: 'More' });
  await expect(menu).toBeVisible();
  const items = await menu.locator('[role^="menuitem"]').evaluateAll((es) => es.filter((e) => e.getClientRects().length > 0).map((e) => (e as HTMLElement).innerText.trim()));
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  return items;
}

for (const cb of [
  { name: '1024×768 at 150 %', viewport: { width: 683, height: 512 }, deviceScaleFactor: 1.5 },
  { name: '1280×800 at 150 %', viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5 },
]) {
  test.describe(`touch Chromebook ${cb.name}`, () => {
    test.use({ viewport: cb.viewport, deviceScaleFactor: cb.deviceScaleFactor, hasTouch: true, isMobile: false });

    test('with every optional control showing, Redo moves into More before the title drops below a few characters', async ({ page }) => {
      const errors = collectErrors(page);
      const release = await widestToolbar(page);
      const m = await expectReadableTitle(page, cb.viewport.width, MIN_TITLE);
      expect(m.shown.map((c) => c.name)).not.toContain('Redo');
      // the logo gives the title its room
      await expect(page.locator('.tb-brand img')).toBeHidden();
      expect(await moreItems(page, true)).toContain('Redo');
      // Redo from More redoes the alignment taken back
      await page.getByRole('button', { name: 'More', exact: true }).tap();
      const redo = page.getByRole('menuitem', { name: 'Redo' });
      await expect(redo).toBeEnabled();
      await redo.tap();
      await expect(page.getByRole('menu', { name: 'More' })).toBeHidden();
      await page.getByRole('button', { name: 'More', exact: true }).tap();
      await expect(page.getByRole('menuitem', { name: 'Redo' })).toBeDisabled();
      await page.keyboard.press('Escape');
      release();
      expect(errors).toEqual([]);
    });
  });
}

test.describe('touch Chromebook 1366×768 at 125 %', () => {
  test.use({ viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25, hasTouch: true, isMobile: false });

  test('where the title has room Redo stays on the toolbar, and comes back out of More when the window widens', async ({ page }) => {
    const release = await widestToolbar(page);
    const m = await expectReadableTitle(page, 1093, 112);
    expect(m.shown.map((c) => c.name)).toContain('Redo');
    expect(await moreItems(page, true)).not.toContain('Redo');
    await page.setViewportSize({ width: 683, height: 512 });
    await expect(page.getByRole('button', { name: 'Redo', exact: true })).toBeHidden();
    await expectReadableTitle(page, 683, MIN_TITLE);
    await page.setViewportSize({ width: 1093, height: 614 });
    await expect(page.getByRole('button', { name: 'Redo', exact: true })).toBeVisible();
    await expect(page.locator('.tb-brand img')).toBeVisible();
    release();
  });
});

test.describe('mouse', () => {
  for (const width of [1024, 1280]) {
    test(`${width} px: with every optional control showing the title stays readable and Redo on the toolbar`, async ({ page }) => {
      const errors = collectErrors(page);
      await page.setViewportSize({ width, height: 720 });
      const release = await widestToolbar(page);
      const m = await expectReadableTitle(page, width, 112);
      expect(m.shown.map((c) => c.name)).toContain('Redo');
      expect(await moreItems(page, false)).not.toContain('Redo');
      release();
      expect(errors).toEqual([]);
    });
  }

  test('700 px: the title keeps a few characters with a mouse too', async ({ page }) => {
    await page.setViewportSize({ width: 700, height: 720 });
    const release = await widestToolbar(page);
    await expectReadableTitle(page, 700, MIN_TITLE);
    release();
  });
});
