import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { audit } from './a11y-helpers';
import { centredAndSelected, collectErrors, mod, openApp, openWidestToolbar } from './canvas-helpers';

// On a touch Chromebook at 1024×768 and 150 % (683 px) with every optional toolbar control showing — Open Recent,
// Align…, Focus's depth field and a running auto-layout's Cancel — the toolbar's search field was 28 px wide: one or
// two characters of what a student types. Where the field would be that narrow, a Search button takes its place and
// opens the same search over the whole toolbar; with a mouse at laptop widths the field stays in the toolbar.

const FILE = 'district-plan.json';
const TEXT = readFileSync(join(import.meta.dirname, '../fixtures/frameworks/v1-minimal.json'), 'utf8');
/** A competency of the science example far from the first two (selected for Align…), found first by its code. */
const CODE = 'SI.9';

/** The widest toolbar: a file in Open Recent, two competencies selected in Focus, an auto-layout held running. */
const widestToolbar = (page: Page) => openWidestToolbar(page, FILE, TEXT);

/**
 * Dark pixels in the last 40 px of a text field (inside its border), where the browser draws its clear ×:
 * the field's own screenshot decoded on a canvas in the page.
 */
async function inkAtEndOf(page: Page, field: Locator): Promise<number> {
  const box = (await field.boundingBox())!;
  const png = await page.screenshot({ clip: { x: box.x + box.width - 44, y: box.y + 4, width: 40, height: box.height - 8 } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! < 3 * 160) dark++;
    return dark;
  }, png.toString('base64'));
}

test.describe('touch Chromebook 1024×768 at 150 %', () => {
  test.use({ viewport: { width: 683, height: 512 }, deviceScaleFactor: 1.5, hasTouch: true, isMobile: false });

  test('with every optional control showing, a finger-sized Search button opens the search over the toolbar; a code typed there is found and centred', async ({ page }) => {
    const errors = collectErrors(page);
    const release = await widestToolbar(page);
    const field = page.getByLabel('Search competencies');
    const button = page.getByRole('button', { name: 'Search', exact: true });
    await expect(button).toBeInViewport({ ratio: 1 });
    const b = (await button.boundingBox())!;
    expect(Math.min(b.width, b.height), 'Search is finger-sized').toBeGreaterThanOrEqual(44);
    await expect(button).toHaveText('Search');
    expect(await page.locator('.toolbar').evaluate((e) => e.scrollWidth - e.clientWidth), 'nothing overflows the toolbar').toBeLessThanOrEqual(0);
    // no sliver of a field in the row, and no Tab stop hidden behind the button
    await expect(field).not.toBeInViewport();
    await expect(field).toHaveAttribute('tabindex', '-1');
    expect(await audit(page, 'Search button, 683 px')).toEqual([]);

    await button.tap();
    await expect(field).toBeFocused();
    await expect(field).toBeInViewport({ ratio: 1 });
    expect((await field.boundingBox())!.width, 'the field has the toolbar’s width').toBeGreaterThanOrEqual(400);
    await page.keyboard.type(CODE);
    const results = page.getByRole('listbox', { name: 'Search results' });
    await expect(results).toBeInViewport({ ratio: 1 });
    await expect(results.getByRole('option').first()).toContainText(CODE);
    // its own Close sits beside the field: the browser's clear × is not shown as a second one
    expect(await inkAtEndOf(page, field), 'no browser clear button').toBe(0);
    expect(await audit(page, 'search open over the toolbar, 683 px')).toEqual([]);
    await page.keyboard.press('Enter');
    await centredAndSelected(page, CODE);
    release();
    expect(errors).toEqual([]);
  });

  test('Escape and the close button give the focus back to Search, which hands it to the field where that gets room; Ctrl+F opens the search, a tap on a result centres it, a tap elsewhere closes it', async ({ page }) => {
    const errors = collectErrors(page);
    const release = await widestToolbar(page);
    const field = page.getByLabel('Search competencies');
    const button = page.getByRole('button', { name: 'Search', exact: true });

    await button.tap();
    await expect(field).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(button).toBeFocused();
    await expect(field).not.toBeInViewport();
    // the selection and Focus stay as they were (Escape only closed the search)
    await expect(page.locator('.cnode.is-selected')).toHaveCount(2);
    await expect(page.getByLabel('Focus depth')).toBeVisible();

    await button.tap();
    await page.getByRole('button', { name: 'Close search' }).tap();
    await expect(button).toBeFocused();
    await expect(field).not.toBeInViewport();

    // the window widening gives the field room: the focus moves from the gone button to it, and narrowing again
    // with the focus in the field shows it over the toolbar (never typing into a hidden field)
    await page.setViewportSize({ width: 1093, height: 614 });
    await expect(button).toBeHidden();
    await expect(field).toBeFocused();
    await expect(field).not.toHaveAttribute('tabindex');
    await page.setViewportSize({ width: 683, height: 512 });
    await expect(button).toBeVisible();
    await expect(field).toBeFocused();
    await expect(field).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Escape');
    await expect(button).toBeFocused();

    // the keyboard shortcut opens it too, the query typed before still there (as the inline field keeps it)
    await page.keyboard.press(`${mod}+f`);
    await expect(field).toBeFocused();
    await expect(field).toBeInViewport({ ratio: 1 });
    await field.fill(CODE);
    await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().tap();
    await centredAndSelected(page, CODE);

    // a tap on the map closes it
    await page.getByTestId('canvas').tap({ position: { x: 20, y: 20 } });
    await expect(field).not.toBeFocused();
    await expect(field).not.toBeInViewport();
    release();
    expect(errors).toEqual([]);
  });
});

test.describe('mouse 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the search field stays in the toolbar, readable, with no Search button, also with every optional control showing', async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page, '?open=/examples/student-science-inquiry.json');
    const field = page.getByLabel('Search competencies');
    const button = page.getByRole('button', { name: 'Search', exact: true });
    await expect(field).toBeInViewport({ ratio: 1 });
    await expect(button).toBeHidden();
    // the field's box as the ≤1440 px rule sets it (styles: `.search`)
    expect((await page.locator('.toolbar .search').boundingBox())!.width).toBe(210);
    await expect(field).not.toHaveAttribute('tabindex');

    const release = await widestToolbar(page);
    await expect(button).toBeHidden();
    await expect(field).toBeInViewport({ ratio: 1 });
    expect((await field.boundingBox())!.width, 'the field keeps a readable width').toBeGreaterThanOrEqual(100);
    await page.keyboard.press(`${mod}+f`);
    await expect(field).toBeFocused();
    await page.keyboard.type(CODE);
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText(CODE);
    await page.keyboard.press('Enter');
    await centredAndSelected(page, CODE);
    // Escape leaves the inline field as before
    await page.keyboard.press('Escape');
    await expect(field).not.toBeFocused();
    await expect(field).toBeInViewport({ ratio: 1 });
    release();
    expect(errors).toEqual([]);
  });
});
