import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { audit } from './a11y-helpers';
import { collectErrors, openWidestToolbar } from './canvas-helpers';

// The widest main toolbar — Open Recent (a file to reopen), two competencies selected (Align…), Focus on (its depth
// field) and a running auto-layout (its Cancel) — overflowed at many widths with a mouse (by 5 px at 1093 px with a
// finger, by 150 px at 1181 px with a mouse: Theme and Help off screen, the title squeezed to nothing at 1441 px).
// Where the buttons do not fit beside a readable title, the lesser-used ones move into More, with a mouse too.

const FILE = 'district-plan.json';
const TEXT = readFileSync(join(import.meta.dirname, '../fixtures/frameworks/v1-minimal.json'), 'utf8');

/** Every toolbar command by its accessible name (a mouse's buttons are icons), and by its word in More. */
const COMMANDS: [button: RegExp, inMore: RegExp][] = [
  [/^New framework$/, /^New framework$/],
  [/^Save as…$/, /^Save as…$/],
  [/^Duplicate$/, /^Duplicate$/],
  [/^(Auto-layout|Laying out…)$/, /^Auto-layout$/],
  [/^Lanes: /, /^Lanes: /],
  [/^Focus$/, /^Focus$/],
  [/^Import…$/, /^Import…$/],
  [/^Export…$/, /^Export…$/],
  [/^Theme: /, /^Theme: /],
];

/** A file in Open Recent, the science example open, Align… and the depth field showing, an auto-layout held running. */
const widestToolbar = (page: Page) => openWidestToolbar(page, FILE, TEXT);

/** The toolbar fits: nothing past its edge, every control on screen, the title readable, Help, search, Cancel at hand. */
async function expectFits(page: Page, width: number, touch: boolean, minBrand = 112): Promise<void> {
  const toolbar = page.locator('.toolbar');
  expect(await toolbar.evaluate((e) => e.scrollWidth - e.clientWidth), 'nothing overflows the toolbar').toBeLessThanOrEqual(0);
  const controls = await toolbar.evaluate((e) =>
    [...e.querySelectorAll('button, select, input')]
      .filter((b) => b.getClientRects().length > 0 && !b.closest('[role="menu"]'))
      .map((b) => ({ name: b.getAttribute('aria-label') ?? (b as HTMLElement).innerText, button: b.tagName === 'BUTTON', ...b.getBoundingClientRect().toJSON() }) as { name: string; button: boolean; right: number; width: number; height: number }),
  );
  for (const c of controls) {
    expect(c.right, `${c.name} on screen`).toBeLessThanOrEqual(width);
    if (touch && c.button) expect(Math.min(c.width, c.height), `${c.name} is finger-sized`).toBeGreaterThanOrEqual(44);
  }
  for (const name of ['Help and keyboard shortcuts', 'Cancel auto-layout', 'Recent ▾']) await expect(page.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
  // the search field, or where it would be too narrow to read the Search button that opens it (qa-z-toolbar-search)
  const searchButton = page.getByRole('button', { name: 'Search', exact: true });
  await expect((await searchButton.isVisible()) ? searchButton : page.getByLabel('Search competencies')).toBeInViewport({ ratio: 1 });
  expect((await page.locator('.tb-brand').boundingBox())!.width, 'the title keeps a readable width').toBeGreaterThanOrEqual(minBrand);
}

/** Every command is a visible toolbar button or an item in More (opened and closed here). */
async function expectEveryCommand(page: Page): Promise<void> {
  const shown = await page.locator('.toolbar').evaluate((e) =>
    [...e.querySelectorAll('button')].filter((b) => b.getClientRects().length > 0 && !b.closest('[role="menu"]')).map((b) => b.getAttribute('aria-label') ?? (b as HTMLElement).innerText.trim()),
  );
  const more = page.getByRole('button', { name: 'More', exact: true });
  let inMore: string[] = [];
  if (await more.isVisible()) {
    await more.click();
    const menu = page.getByRole('menu', { name: 'More' });
    await expect(menu).toBeVisible();
    inMore = await menu.locator('[role^="menuitem"]').evaluateAll((es) => es.filter((e) => e.getClientRects().length > 0).map((e) => (e as HTMLElement).innerText.trim()));
    for (const item of await menu.locator('[role^="menuitem"]').all()) if (await item.isVisible()) await expect(item).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
  }
  for (const [button, item] of COMMANDS) expect(shown.some((n) => button.test(n)) || inMore.some((t) => item.test(t)), `${button} on the toolbar or in More`).toBe(true);
  // nothing is both on the toolbar and in More
  for (const [button, item] of COMMANDS) expect(shown.some((n) => button.test(n)) && inMore.some((t) => item.test(t)), `${button} only once`).toBe(false);
}

test.describe('mouse', () => {
  for (const width of [800, 900, 1000, 1093, 1181, 1280, 1366, 1441, 1600]) {
    test(`${width} px: the widest toolbar with a running auto-layout fits, every command on it or in More`, async ({ page }) => {
      const errors = collectErrors(page);
      await page.setViewportSize({ width, height: 720 });
      const release = await widestToolbar(page);
      await expectFits(page, width, false);
      await expectEveryCommand(page);
      release();
      expect(errors).toEqual([]);
    });
  }

  test('More comes and goes with the room: once the auto-layout is cancelled and Focus is off, the buttons are back', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const release = await widestToolbar(page);
    const more = page.getByRole('button', { name: 'More', exact: true });
    await expect(more).toBeVisible();
    await expect(page.getByRole('button', { name: 'New framework', exact: true })).toBeHidden();
    // a keyboard user in More keeps the focus while the toolbar measures itself again (still too narrow)
    await more.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(more).toBeFocused();
    await page.setViewportSize({ width: 1279, height: 720 });
    await expect(more).toBeVisible();
    await expect(more).toBeFocused();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Cancel auto-layout' }).click();
    await expect(page.getByRole('button', { name: 'Cancel auto-layout' })).toBeHidden();
    await page.keyboard.press('Shift+F'); // focus off: the depth field goes
    await expect(page.getByLabel('Focus depth')).toBeHidden();
    await expect(more).toBeHidden();
    const toolbar = page.getByRole('toolbar', { name: 'Main toolbar' });
    for (const name of ['New framework', 'Duplicate', 'Import…', 'Export…']) await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
    await expectFits2(page);
    release();
  });

  test('with everything in More, the toolbar and its menu pass axe', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 720 });
    const release = await widestToolbar(page);
    expect(await audit(page, 'widest toolbar, 1000 px')).toEqual([]);
    await page.getByRole('button', { name: 'More', exact: true }).click();
    expect(await audit(page, 'More open, 1000 px')).toEqual([]);
    release();
  });
});

/** Fits without the running auto-layout (Cancel gone). */
async function expectFits2(page: Page): Promise<void> {
  expect(await page.locator('.toolbar').evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Help and keyboard shortcuts', exact: true })).toBeInViewport({ ratio: 1 });
}

// `minBrand`: at 853 px and 683 px every labelled button left is one a student or teacher needs at hand, and the
// title gives way down to a few characters and an ellipsis (Redo goes into More and the logo goes before it would
// drop lower; at 683 px it was 0 px wide before 9302786 — qa-y-toolbar-title checks the steps)
for (const cb of [
  { name: '1366×768 at 125 %', viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25, minBrand: 112 },
  { name: '1280×800 at 150 %', viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5, minBrand: 40 },
  { name: '1024×768 at 150 %', viewport: { width: 683, height: 512 }, deviceScaleFactor: 1.5, minBrand: 40 },
]) {
  test.describe(`touch Chromebook ${cb.name}`, () => {
    test.use({ viewport: cb.viewport, deviceScaleFactor: cb.deviceScaleFactor, hasTouch: true, isMobile: false });

    test('the widest toolbar with a running auto-layout fits, finger-sized, every command on it or in More', async ({ page }) => {
      const errors = collectErrors(page);
      const release = await widestToolbar(page);
      await expectFits(page, cb.viewport.width, true, cb.minBrand);
      await expectEveryCommand(page);
      release();
      expect(errors).toEqual([]);
    });
  });
}
