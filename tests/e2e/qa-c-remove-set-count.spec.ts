import { expect, test } from '@playwright/test';
import { openApp, unlockToCorrect } from './canvas-helpers';
import { openTab } from './standards-helpers';

// Removing a standards set takes every alignment to it along. The question said "and every alignment
// to it?" — it now says how many (35 alignments of the example's competencies to 30 standards), so a
// designer knows what the click costs before answering.
test('removing a standards set says how many alignments go with it; Cancel keeps them', async ({ page }) => {
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await unlockToCorrect(page);
  await openTab(page, 'Standards');
  const panel = page.getByTestId('standards-panel');
  await expect(panel).toContainText('Number & Operations—Fractions');
  await panel.getByRole('button', { name: 'Remove standards set' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Remove standards set' });
  await expect(ask).toHaveAccessibleDescription(
    'Remove “Common Core State Standards — Mathematics, Grades 3–5: Number & Operations—Fractions”? Its 35 alignments (to 30 standards) go with it; Undo brings them back.',
  );
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(panel).toContainText('Number & Operations—Fractions');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

  // Remove standards set (from the keyboard: Tab from Cancel to the red button): gone with its alignments,
  // the focus stays in the panel, and Undo brings them back
  await panel.getByRole('button', { name: 'Remove standards set' }).focus();
  await page.keyboard.press('Enter');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(panel).not.toContainText('Number & Operations—Fractions');
  await expect.poll(() => panel.evaluate((p) => p.contains(document.activeElement))).toBe(true);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(panel).toContainText('Number & Operations—Fractions');
});
