import { expect, test, type Page } from '@playwright/test';
import { audit } from './a11y-helpers';
import { collectErrors, openApp, selectTwoInFocus } from './canvas-helpers';

// A touch never shows a tooltip: on a touch-only Chromebook the toolbar's icon buttons were nameless squares.
// Where the screen can be touched each button now shows its name under its icon (a 46 px target), and where
// they do not all fit the lesser-used ones move into a labelled More menu. With a mouse nothing changes.

/** Every toolbar command, by the name a user reads: on the toolbar or in More. */
const COMMANDS = ['New', 'Open', 'Save', 'Save as', 'Undo', 'Redo', 'Competency', 'Duplicate', 'Delete', 'Auto-layout', 'Lanes', 'Focus', 'Import', 'Export', 'Theme', 'Help'];

/** The toolbar buttons a user can see, with their visible text and size. */
async function shownButtons(page: Page) {
  return page.locator('.toolbar button').evaluateAll((bs) =>
    bs
      .filter((b) => b.getClientRects().length > 0 && !b.closest('[role="menu"]'))
      .map((b) => {
        const r = b.getBoundingClientRect();
        return { text: (b as HTMLElement).innerText.replace(/\s+/g, ' ').trim(), name: b.getAttribute('aria-label') ?? '', width: r.width, height: r.height, right: r.right };
      }),
  );
}

/** `more`: what the widest toolbar (Align… and the depth field) moves into More. */
const CHROMEBOOKS = [
  { name: '1366×768 at 100 %', viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, more: ['New framework', 'Save as…', 'Duplicate', 'Lanes', 'Theme'] },
  { name: '1920×1080 at 100 %', viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, more: [] as string[] },
  { name: '1280×800 at 100 %', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, more: ['New framework', 'Save as…', 'Duplicate', 'Lanes', 'Theme'] },
  { name: '1366×768 at 125 %', viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25, more: ['New framework', 'Save as…', 'Duplicate', 'Lanes', 'Theme'] },
  { name: '1280×800 at 150 %', viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5, more: ['New framework', 'Save as…', 'Duplicate', 'Auto-layout', 'Lanes', 'Focus', 'Import…', 'Export…', 'Theme'] },
];

for (const cb of CHROMEBOOKS) {
  test.describe(`touch Chromebook ${cb.name}`, () => {
    test.use({ viewport: cb.viewport, deviceScaleFactor: cb.deviceScaleFactor, hasTouch: true, isMobile: false });

    if (cb.viewport.width >= 1280)
      test('with nothing selected every button is on the toolbar, named', async ({ page }) => {
        await openApp(page);
        await expect(page.getByRole('button', { name: 'More', exact: true })).toBeHidden();
        const shown = (await shownButtons(page)).map((b) => b.text);
        for (const c of COMMANDS) expect(shown.some((t) => t.startsWith(c)), `${c} on the toolbar`).toBe(true);
      });

    test('every toolbar button shows its name, is a finger-sized target, and each command is on the toolbar or in More', async ({ page }) => {
      const errors = collectErrors(page);
      await openApp(page, '?open=/examples/student-science-inquiry.json');
      expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches && matchMedia('(hover: none)').matches)).toBe(true);
      await selectTwoInFocus(page);

      const buttons = await shownButtons(page);
      for (const b of buttons) {
        expect(b.text, `a visible name on the button "${b.name}"`).not.toBe('');
        expect(b.height, `${b.text} is tall enough for a finger`).toBeGreaterThanOrEqual(44);
        expect(b.width, `${b.text} is wide enough for a finger`).toBeGreaterThanOrEqual(44);
        expect(b.right, `${b.text} is on screen`).toBeLessThanOrEqual(cb.viewport.width);
      }
      const overflow = await page.locator('.toolbar').evaluate((e) => e.scrollWidth - e.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expect(page.getByLabel('Search competencies')).toBeInViewport({ ratio: 1 });
      const titleWidth = await page.locator('.tb-framework').evaluate((e) => e.getBoundingClientRect().width);
      expect(titleWidth).toBeGreaterThanOrEqual(90);

      const more = page.getByRole('button', { name: 'More', exact: true });
      let inMenu: string[] = [];
      if (cb.more.length === 0) {
        await expect(more).toBeHidden();
      } else {
        await more.tap();
        const menu = page.getByRole('menu', { name: 'More' });
        await expect(menu).toBeVisible();
        inMenu = await menu.locator('[role^="menuitem"]').evaluateAll((es) => es.filter((e) => e.getClientRects().length > 0).map((e) => (e as HTMLElement).innerText.trim()));
        for (const label of cb.more) expect(inMenu.some((t) => t.startsWith(label)), `${label} in More`).toBe(true);
        // the menu fits the screen and each item is a finger-sized target
        for (const item of await menu.locator('[role^="menuitem"]').all()) {
          if (!(await item.isVisible())) continue;
          await expect(item).toBeInViewport({ ratio: 1 });
          expect((await item.boundingBox())!.height).toBeGreaterThanOrEqual(44);
        }
      }
      const shown = buttons.map((b) => b.text);
      for (const c of COMMANDS) expect([...shown, ...inMenu].some((t) => t.startsWith(c)), `${c} reachable by touch`).toBe(true);
      expect(errors).toEqual([]);
    });

    if (cb.viewport.width < 1280)
      test('a command chosen from More runs, and the menu closes', async ({ page }) => {
        await openApp(page);
        const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? '');
        const before = await theme();
        await page.getByRole('button', { name: 'More', exact: true }).tap();
        await page.getByRole('menuitem', { name: /^Theme: / }).tap();
        await expect(page.getByRole('menu', { name: 'More' })).toBeHidden();
        await expect.poll(theme).not.toBe(before);
        await page.getByRole('button', { name: 'More', exact: true }).tap();
        await page.getByRole('menuitem', { name: 'New framework' }).tap();
        await expect(page.getByTestId('empty-canvas')).toBeVisible();
      });

    if (cb.viewport.width < 1280)
      test('More is a menu button for a keyboard and a screen reader too, and passes axe open and closed', async ({ page }) => {
        await openApp(page);
        expect(await audit(page, 'touch toolbar')).toEqual([]);
        const more = page.getByRole('button', { name: 'More', exact: true });
        await more.focus();
        await page.keyboard.press('Enter');
        await expect(more).toHaveAttribute('aria-expanded', 'true');
        await expect(page.getByRole('menuitem', { name: 'New framework' })).toBeFocused();
        await page.keyboard.press('ArrowDown');
        await expect(page.getByRole('menuitem', { name: 'Save as…' })).toBeFocused();
        expect(await audit(page, 'More open')).toEqual([]);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('menu', { name: 'More' })).toBeHidden();
        await expect(more).toBeFocused();
      });
  });
}

test.describe('mouse, 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the mouse toolbar is unchanged: compact icons with tooltips, no More, no touch labels', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('button', { name: 'More', exact: true })).toHaveCount(0);
    for (const b of await shownButtons(page)) {
      expect(b.height).toBeLessThanOrEqual(32);
      if (/^(New framework|Open|Save|Undo|Redo|Duplicate|Delete|Import…|Export…|Theme: .*|Help and keyboard shortcuts)$/.test(b.name)) expect(b.text, `${b.name} stays an icon`).toBe('');
    }
    for (const name of ['New framework', 'Save as…', 'Duplicate', 'Import…', 'Export…']) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  });
});
