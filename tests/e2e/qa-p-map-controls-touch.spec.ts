import { expect, test, type Page } from '@playwright/test';
import { audit } from './a11y-helpers';
import { collectErrors, flowView, openApp, settle } from './canvas-helpers';

// The map's own buttons (zoom in, zoom out, Fit, Select several) were 26 px icons named only by tooltips — and a
// touch never shows a tooltip. Where the screen can be touched each now shows its name under its icon and is a
// finger-sized target, two by two in the map's corner; with a mouse they stay the small icon column.

const NAMES = [
  { name: 'Zoom in', text: 'Zoom in' },
  { name: 'Zoom out', text: 'Zoom out' },
  { name: 'Fit view', text: 'Fit' },
  { name: 'Select several', text: 'Select several' },
];

/** The map's buttons as a user sees them: accessible name, visible words, box, and whether the words fit the box. */
async function mapButtons(page: Page) {
  return page.locator('.react-flow__controls button').evaluateAll((bs) =>
    bs.map((b) => {
      const r = b.getBoundingClientRect();
      const label = b.querySelector('.map-control-label');
      const l = label?.getBoundingClientRect();
      const shown = !!l && l.width > 0 && getComputedStyle(label!).display !== 'none';
      return {
        name: b.getAttribute('aria-label'),
        text: (b as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        labelInside: !shown || (l!.left >= r.left - 0.5 && l!.right <= r.right + 0.5 && l!.top >= r.top - 0.5 && l!.bottom <= r.bottom + 0.5),
      };
    }),
  );
}

const CHROMEBOOKS = [
  { name: '1280×800 at 100 %', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: '1280×800 at 150 %', viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5 },
];

for (const cb of CHROMEBOOKS) {
  test.describe(`touch Chromebook ${cb.name}`, () => {
    test.use({ viewport: cb.viewport, deviceScaleFactor: cb.deviceScaleFactor, hasTouch: true, isMobile: false });

    test('the map’s buttons show their names, are finger-sized, keep their accessible names and cover only a corner of the map', async ({ page }) => {
      const errors = collectErrors(page);
      await openApp(page, '?open=/examples/student-science-inquiry.json');
      expect(await page.evaluate(() => matchMedia('(any-pointer: coarse)').matches)).toBe(true);
      const buttons = await mapButtons(page);
      expect(buttons.map((b) => b.name)).toEqual(NAMES.map((n) => n.name));
      for (const [i, b] of buttons.entries()) {
        expect(b.text, `${b.name} shows its name`).toBe(NAMES[i]!.text);
        expect(b.labelInside, `${b.name}'s name is not cut`).toBe(true);
        expect(b.box.width, `${b.name} is wide enough for a finger`).toBeGreaterThanOrEqual(44);
        expect(b.box.height, `${b.name} is tall enough for a finger`).toBeGreaterThanOrEqual(44);
        await expect(page.getByRole('button', { name: NAMES[i]!.name, exact: true })).toBeVisible();
      }
      // two by two: no taller than two buttons, no wider than two; inside the map, clear of the minimap
      const panel = (await page.getByTestId('rf__controls').boundingBox())!;
      expect(panel.height).toBeLessThanOrEqual(110);
      expect(panel.width).toBeLessThanOrEqual(140);
      const area = (await page.locator('.canvas-area').boundingBox())!;
      expect(panel.x).toBeGreaterThanOrEqual(area.x);
      expect(panel.y + panel.height).toBeLessThanOrEqual(area.y + area.height);
      const mini = await page.getByTestId('rf__minimap').boundingBox();
      if (mini) expect(panel.x + panel.width <= mini.x || panel.y + panel.height <= mini.y, 'the buttons do not cover the minimap').toBe(true);
      expect(errors).toEqual([]);
    });

    test('a tap on each works: zoom in, zoom out, Fit, Select several (pressed, then off)', async ({ page }) => {
      await openApp(page, '?open=/examples/student-science-inquiry.json');
      await settle(page);
      const zoom = async () => (await flowView(page)).k;
      const k0 = await zoom();
      await page.getByRole('button', { name: 'Zoom in', exact: true }).tap();
      await expect.poll(zoom).toBeGreaterThan(k0 * 1.1);
      const k1 = await zoom();
      await page.getByRole('button', { name: 'Zoom out', exact: true }).tap();
      await expect.poll(zoom).toBeLessThan(k1 / 1.1);
      await page.getByRole('button', { name: 'Zoom in', exact: true }).tap();
      await page.getByRole('button', { name: 'Zoom in', exact: true }).tap();
      await expect.poll(zoom).toBeGreaterThan(k0 * 1.3);
      await page.getByRole('button', { name: 'Fit view', exact: true }).tap();
      await expect.poll(zoom).toBeCloseTo(k0, 2);
      const several = page.getByRole('button', { name: 'Select several', exact: true });
      await several.tap();
      await expect(several).toHaveAttribute('aria-pressed', 'true');
      const on = (await mapButtons(page))[3]!;
      expect(on.labelInside, 'pressed, its name still fits').toBe(true);
      await several.tap();
      await expect(several).toHaveAttribute('aria-pressed', 'false');
    });
  });
}

test.describe('touch, 853×533 at 150 %, axe', () => {
  test.use({ viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5, hasTouch: true, isMobile: false });

  test('the labelled map buttons pass axe, Select several off and on, light and dark', async ({ page }) => {
    await openApp(page, '?open=/examples/student-science-inquiry.json');
    expect(await audit(page, 'map buttons, light')).toEqual([]);
    await page.getByRole('button', { name: 'Select several', exact: true }).tap();
    expect(await audit(page, 'Select several on')).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await audit(page, 'map buttons, dark')).toEqual([]);
  });
});

test.describe('mouse, 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('with a mouse the map’s buttons stay a column of small icons named by their tooltips', async ({ page }) => {
    await openApp(page, '?open=/examples/student-science-inquiry.json');
    const buttons = await mapButtons(page);
    expect(buttons.map((b) => b.name)).toEqual(NAMES.map((n) => n.name));
    for (const b of buttons) {
      expect(b.text, `${b.name} stays an icon`).toBe('');
      expect(b.box.width).toBe(26);
      expect(b.box.height).toBe(26);
      expect(b.box.x).toBe(buttons[0]!.box.x);
    }
    await expect(page.getByRole('button', { name: 'Zoom in', exact: true })).toHaveAttribute('title', 'Zoom in');
    await expect(page.getByRole('button', { name: 'Fit view', exact: true })).toHaveAttribute('title', 'Fit the whole map (F)');
  });
});
