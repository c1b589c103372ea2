import { expect, test, type Page } from '@playwright/test';
import { collectErrors, focusedCode, mod, openApp, tabIntoMap } from './canvas-helpers';

/** The card of `code` on the map (the element that takes the keyboard focus). */
const card = (page: Page, code: string) => page.locator(`.react-flow__node:has(.cnode[data-code="${code}"])`);

// A keyboard-only designer links two competencies on the map itself: K on the prerequisite's card, Tab (or the
// arrows) to the competency that requires it, Enter. The link goes through the same command as the inspector
// (a duplicate or a cycle is refused with the same words), a live region says what to do and what happened,
// and Undo takes the link back in one step.
test('K on a card, Tab to the competency that requires it, Enter: the link is made, said, and undone in one step', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  expect(await tabIntoMap(page), 'Tab reached the map').toBe(true);
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedCode(page)).toBe('SI.2');

  const live = page.getByTestId('link-mode-live');
  await expect(live).toHaveAttribute('role', 'status');
  await expect(live).toHaveText('');
  await page.keyboard.press('k');
  await expect(live).toHaveText('Linking from SI.2: move to the competency that requires SI.2 (Tab or the arrow keys) and press Enter; Escape cancels.');
  // the start of the link is marked in words and by a dashed outline, not by colour alone
  await expect(card(page, 'SI.2').getByTestId('link-source-chip')).toHaveText('Prerequisite: linking from here');
  await expect(card(page, 'SI.2').locator('.cnode')).toHaveCSS('outline-style', 'dashed');
  expect(await focusedCode(page)).toBe('SI.2');

  // SI.4 requires SI.2 already: refused as everywhere else, and linking goes on
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedCode(page)).toBe('SI.4');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice-live-error')).toContainText('SI.2 is already a prerequisite of SI.4.');
  await expect(live).toHaveText(/^Linking from SI\.2:/);

  await page.keyboard.press('Tab');
  await expect.poll(() => focusedCode(page)).toBe('SI.3');
  await expect(page.locator('#field-code')).toHaveValue('SI.3');
  await expect(page.locator('.side-content').getByRole('heading', { name: 'Requires (1)' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('link-from-here.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice-live')).toContainText('Linked SI.2 → SI.3: SI.3 now requires SI.2. Undo with Ctrl+Z.');
  await expect(live).toHaveText('');
  await expect(page.getByTestId('link-source-chip')).toHaveCount(0);
  // the focus stays on the competency that now requires SI.2, which the inspector shows
  expect(await focusedCode(page)).toBe('SI.3');
  const requires = page.locator('.side-content').getByRole('heading', { name: 'Requires (2)' });
  await expect(requires).toBeVisible();
  await expect(page.locator('.side-content .link-list').first()).toContainText('SI.2');

  // one undo step: Undo takes the link back and then has nothing left to undo; the focus stays on SI.3
  await page.keyboard.press(`${mod}+z`);
  await expect(page.getByTestId('notice-live')).toContainText('Undo: link SI.2 → SI.3');
  await expect(page.locator('.side-content').getByRole('heading', { name: 'Requires (1)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  await expect.poll(() => focusedCode(page)).toBe('SI.3');
  expect(errors).toEqual([]);
});

test('a link that would close a cycle is refused with the cycle named; the arrows move while linking; Escape cancels', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  expect(await tabIntoMap(page), 'Tab reached the map').toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedCode(page)).toBe('SI.4');
  await page.keyboard.press('k');
  const live = page.getByTestId('link-mode-live');
  await expect(live).toHaveText(/^Linking from SI\.4:/);
  // the arrows go to the nearest card that way on the map (they nudge the card when not linking):
  // SI.1  SI.2  SI.4 in a row, SI.3 below SI.2
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => focusedCode(page)).toBe('SI.2');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedCode(page)).toBe('SI.3');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focusedCode(page)).toBe('SI.2');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => focusedCode(page)).toBe('SI.1');
  // nothing that way: said, and the focus stays
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('notice-live')).toContainText('No competency above SI.1 on the map.');
  expect(await focusedCode(page)).toBe('SI.1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice-live-error')).toContainText(/This link would make a prerequisite cycle: SI\.4 → SI\.1 → SI\.[23] → SI\.4\. No student could ever start it/);
  await expect(live).toHaveText(/^Linking from SI\.4:/);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('notice-live')).toContainText('Linking cancelled: no link was made.');
  await expect(live).toHaveText('');
  await expect(page.getByTestId('link-source-chip')).toHaveCount(0);
  // Escape stopped the linking only: SI.1 keeps the focus and the selection
  expect(await focusedCode(page)).toBe('SI.1');
  await expect(page.locator('.cnode.is-selected')).toHaveAttribute('data-code', 'SI.1');
  // the arrows nudge again
  const before = await card(page, 'SI.1').boundingBox();
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await card(page, 'SI.1').boundingBox())!.y).toBeGreaterThan(before!.y);
  expect(errors).toEqual([]);
});

test('the ? shortcuts list and the Help say how to link from the keyboard', async ({ page }) => {
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Help and keyboard shortcuts' });
  await expect(help).toContainText('Link from here: K on the prerequisite, then Enter on the competency that requires it (Escape cancels)');
  await expect(help).toContainText('from the keyboard: K on the card, then Enter on the competency that requires it');
  await expect(help).toContainText('In the Inspector: back to the competency’s card on the map');
});
