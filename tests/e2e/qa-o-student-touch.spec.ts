import { expect, test, type Locator } from '@playwright/test';
import { collectErrors } from './canvas-helpers';
import { openStudentViewByTouch } from './qa-o-touch-helpers';

// A student on a touch-only Chromebook (1280×800 at 150 %: 853×533 CSS px) opens the district's published map by
// link, imports the class progress, opens the Student view and follows "Before this, I need" links. A followed
// link centred a card taller than the screen (its phases unfolded), so the student saw only the middle of
// some card's phase list, not which card it was; and there was no way back to the card they came from.
test.use({ viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5, hasTouch: true, isMobile: false });

/** The card's code and "I can" are on screen, below the view's sticky toolbar (not under it). */
async function expectHeadClear(view: Locator, card: Locator): Promise<void> {
  const bar = (await view.locator('.sv-toolbar').boundingBox())!;
  const code = (await card.locator('header .sv-code').boundingBox())!;
  expect(code.y, 'the card’s code is below the toolbar').toBeGreaterThanOrEqual(bar.y + bar.height);
  await expect(card.locator('.sv-ican')).toBeInViewport({ ratio: 1 });
}

test('a "Before this, I need" link shows the card from its top, clear of the toolbar, and Back returns to where the student was', async ({ page }) => {
  const errors = collectErrors(page);
  const view = await openStudentViewByTouch(page);
  const from = view.locator('.sv-card[data-code="FR.3.5"]');
  await from.scrollIntoViewIfNeeded();
  await from.locator('.sv-first a').first().tap();
  const to = view.locator('.sv-card[data-code="FR.3.4"]');
  await expect(to).toBeFocused();
  // FR.3.4 is Maya's next step: its phases are unfolded and it is taller than the screen
  expect((await to.boundingBox())!.height).toBeGreaterThan(533);
  await expectHeadClear(view, to);

  const back = view.getByRole('button', { name: 'Back to FR.3.5' });
  await back.tap();
  await expect(from).toBeFocused();
  await expectHeadClear(view, from);
  await expect(back).toBeHidden();
  expect(errors).toEqual([]);
});

test('the Student view and the Learners panel are finger-sized; Print and Close work by touch', async ({ page }) => {
  const errors = collectErrors(page);
  const view = await openStudentViewByTouch(page);
  for (const el of await view.locator('.sv-toolbar button, .sv-toolbar select').all()) expect((await el.boundingBox())!.height, await el.innerText()).toBeGreaterThanOrEqual(44);
  const fold = view.locator('.sv-card summary').first();
  expect((await fold.boundingBox())!.height, 'a phase fold is tall enough to tap').toBeGreaterThanOrEqual(36);

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await view.getByTestId('student-print').tap();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await view.getByRole('button', { name: 'Close' }).tap();
  await expect(view).toBeHidden();

  const panel = page.getByTestId('learners-panel');
  for (const el of await panel.locator('.lrn-bar button, .lrn-who-row select, .lrn-add input, .lrn-add button').all()) expect((await el.boundingBox())!.height).toBeGreaterThanOrEqual(40);
  for (const tab of await panel.getByRole('tab').all()) if (await tab.isVisible()) expect((await tab.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  expect(errors).toEqual([]);
});

test('another learner’s map, or the class sheets, opens at its top, not where the last page was left', async ({ page }) => {
  const view = await openStudentViewByTouch(page);
  const top = () => view.evaluate((e) => e.scrollTop);
  await view.locator('.sv-card[data-code="FR.4.3"]').scrollIntoViewIfNeeded();
  expect(await top()).toBeGreaterThan(300);
  await view.getByTestId('student-view-learner').selectOption('leo');
  await expect(view.locator('.sv-sub').first()).toContainText('Leo T.');
  await expect.poll(top).toBe(0);
  await view.locator('.sv-card[data-code="FR.4.3"]').scrollIntoViewIfNeeded();
  await view.getByTestId('student-class-sheets').tap();
  await expect(view.getByRole('heading', { name: 'Learning maps, one page per learner' })).toBeInViewport();
  await expect.poll(top).toBe(0);
});

test('the Back gesture closes the Student view instead of leaving the app; closed with Close, Back leaves nothing of it behind', async ({ page }) => {
  const view = await openStudentViewByTouch(page);
  const url = page.url();
  await page.goBack();
  await expect(view).toBeHidden();
  expect(page.url()).toBe(url);
  await expect(page.getByTestId('learners-panel')).toBeVisible();
  await expect(page.getByTestId('learner-select')).toHaveValue('maya');

  await page.getByTestId('open-student-view').tap();
  await expect(view).toBeVisible();
  const length = await page.evaluate(() => history.length);
  await view.getByRole('button', { name: 'Close' }).tap();
  await expect(view).toBeHidden();
  await expect.poll(() => page.evaluate(() => (history.state as Record<string, unknown> | null)?.progressionsStudentView ?? false)).toBe(false);
  expect(await page.evaluate(() => history.length)).toBe(length);
  await expect(page.getByTestId('learners-panel')).toBeVisible();
});
