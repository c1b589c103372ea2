import { expect, test, type Locator, type Page } from '@playwright/test';
import { audit } from './a11y-helpers';
import { collectErrors } from './canvas-helpers';
import { openStudentViewByTouch } from './qa-o-touch-helpers';

// A student on a touch Chromebook follows a "Before this, I need" link in the Student view: "← Back to FR.3.5"
// joins the toolbar, which wrapped Close onto a second row at 150 % (853 px) — a toolbar twice as tall, over the
// card the link had just brought into view. It stays one row, every button with its words (at 1024 px and
// 150 % the words "Back to" and "Whose map" are left to screen readers).

async function studentViewWithBack(page: Page): Promise<Locator> {
  const view = await openStudentViewByTouch(page);
  const from = view.locator('.sv-card[data-code="FR.3.5"]');
  await from.scrollIntoViewIfNeeded();
  await from.locator('.sv-first a').first().tap();
  await expect(view.locator('.sv-card[data-code="FR.3.4"]')).toBeFocused();
  await expect(view.getByRole('button', { name: 'Back to FR.3.5' })).toBeVisible();
  return view;
}

/** The toolbar's controls: the text a user sees (not what is left to screen readers), box, and whether it is cut. */
async function bar(view: Locator) {
  return view.locator('.sv-toolbar > button, .sv-toolbar select').evaluateAll((els) => {
    const seen = (n: Node): string =>
      n instanceof HTMLElement ? (n.getBoundingClientRect().width > 1 ? [...n.childNodes].map(seen).join('') : '') : (n.textContent ?? '');
    return els.map((e) => {
      const r = e.getBoundingClientRect();
      const text = e instanceof HTMLSelectElement ? (e.selectedOptions[0]?.text ?? '') : seen(e);
      return { text: text.replace(/\s+/g, ' ').trim(), top: r.top, right: r.right, height: r.height, cut: e.scrollWidth > e.clientWidth + 1 };
    });
  });
}

const CHROMEBOOKS = [
  { name: '1280×800 at 150 %', viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5, back: '← Back to FR.3.5', who: true },
  { name: '1366×768 at 125 %', viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25, back: '← Back to FR.3.5', who: true },
  { name: '1024×700 at 150 %', viewport: { width: 683, height: 467 }, deviceScaleFactor: 1.5, back: '← FR.3.5', who: false },
];

for (const cb of CHROMEBOOKS) {
  test.describe(`touch Chromebook ${cb.name}`, () => {
    test.use({ viewport: cb.viewport, deviceScaleFactor: cb.deviceScaleFactor, hasTouch: true, isMobile: false });

    test('with "← Back to …" showing the Student view’s toolbar stays one row, on screen, every control whole and finger-sized', async ({ page }) => {
      const errors = collectErrors(page);
      const view = await studentViewWithBack(page);
      const items = await bar(view);
      expect(items.map((i) => i.text)).toEqual([cb.back, 'One page per learner (3)', 'Maya R.', 'Print', 'Close']);
      for (const i of items) {
        expect(i.top, `${i.text} on the first row`).toBeCloseTo(items[0]!.top, 0);
        expect(i.right, `${i.text} on screen`).toBeLessThanOrEqual(cb.viewport.width);
        expect(i.height, `${i.text} is tall enough for a finger`).toBeGreaterThanOrEqual(44);
        expect(i.cut, `${i.text} is not cut`).toBe(false);
      }
      const toolbar = (await view.locator('.sv-toolbar').boundingBox())!;
      expect(toolbar.height, 'one row').toBeLessThan(70);
      // "Whose map" shows where there is room; the picker keeps its name either way
      expect((await view.getByText('Whose map', { exact: true }).boundingBox())!.width > 1).toBe(cb.who);
      await expect(view.getByRole('combobox', { name: 'Whose map' })).toHaveValue('maya');
      // the card the link brought into view is below the toolbar, not under it
      const code = (await view.locator('.sv-card[data-code="FR.3.4"] header .sv-code').boundingBox())!;
      expect(code.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
      await view.getByRole('button', { name: 'Back to FR.3.5' }).tap();
      await expect(view.locator('.sv-card[data-code="FR.3.5"]')).toBeFocused();
      expect(errors).toEqual([]);
    });
  });
}

test.describe('touch Chromebook 1024×700 at 150 %, axe', () => {
  test.use({ viewport: { width: 683, height: 467 }, deviceScaleFactor: 1.5, hasTouch: true, isMobile: false });

  test('the one-row toolbar (words left to screen readers) passes axe', async ({ page }) => {
    await studentViewWithBack(page);
    expect(await audit(page, 'student view with Back, 683 px')).toEqual([]);
  });
});
