import { expect, test, type Page } from '@playwright/test';
import { collectErrors, node } from './canvas-helpers';
import { middle, openScienceAt, touches, touchSession } from './qa-h-touch-helpers';

// A Chromebook in tablet mode (touch, no mouse, no keyboard). Several competencies are selected with Shift / Ctrl
// +click or Shift+drag — none of them at hand on a touch screen, so aligning, moving or deleting a group was out of
// reach. "Select several" (under the zoom buttons) makes a tap add a competency to the selection or take it out.
test.use({ viewport: { width: 1280, height: 800 }, hasTouch: true, isMobile: false });

async function tapCard(page: Page, code: string): Promise<void> {
  const at = middle((await node(page, code).boundingBox())!);
  await page.touchscreen.tap(at.x, at.y);
}

const selected = (page: Page) => page.locator('.react-flow__node-competency:has(.cnode.is-selected) [data-code]');

test('with Select several on, taps gather competencies into one selection (a tap again takes one out); off, a tap selects one', async ({ page }) => {
  const errors = collectErrors(page);
  await openScienceAt(page, 'SI.3');
  const button = page.getByRole('button', { name: 'Select several' });
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  const box = (await button.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
  await button.tap();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Select several: tap competencies')).toBeVisible();
  await tapCard(page, 'SI.2');
  await tapCard(page, 'SI.4');
  await expect(page.getByRole('heading', { name: '3 competencies selected' })).toBeVisible();
  await tapCard(page, 'SI.3'); // out again
  await expect(page.getByRole('heading', { name: '2 competencies selected' })).toBeVisible();
  expect((await selected(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).sort()).toEqual(['SI.2', 'SI.4']);
  // the group moves together under one finger, as one undo step
  const cdp = await touchSession(page);
  const [a2, a4] = [(await node(page, 'SI.2').boundingBox())!, (await node(page, 'SI.4').boundingBox())!];
  const from = middle(a2);
  await touches(cdp, 'touchStart', [from]);
  for (let i = 1; i <= 10; i++) await touches(cdp, 'touchMove', [{ x: from.x, y: from.y + i * 6 }]);
  await touches(cdp, 'touchEnd', []);
  await expect.poll(async () => (await node(page, 'SI.4').boundingBox())!.y - a4.y).toBeGreaterThan(20);
  expect((await node(page, 'SI.2').boundingBox())!.y - a2.y).toBeCloseTo((await node(page, 'SI.4').boundingBox())!.y - a4.y, 0);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /move 2 competencies/i);
  // off: a tap selects that one alone
  await button.tap();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await tapCard(page, 'SI.3');
  await expect(selected(page)).toHaveCount(1);
  await expect(page.locator('#field-code')).toHaveValue('SI.3');
  expect(errors).toEqual([]);
});

test('Select several stays on after Shift is pressed and let go (a keyboard attached), and goes off with another document', async ({ page }) => {
  await openScienceAt(page, 'SI.3');
  const button = page.getByRole('button', { name: 'Select several' });
  await button.tap();
  await page.keyboard.down('Shift');
  await page.keyboard.up('Shift');
  await tapCard(page, 'SI.2');
  await expect(page.getByRole('heading', { name: '2 competencies selected' })).toBeVisible();
  await page.getByTitle('New framework').tap();
  await expect(page.getByTestId('empty-canvas')).toBeVisible();
  await page.getByRole('button', { name: 'Competency', exact: true }).tap();
  await expect(page.getByRole('button', { name: 'Select several' })).toHaveAttribute('aria-pressed', 'false');
});
