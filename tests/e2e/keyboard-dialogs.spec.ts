import { expect, test, type Page } from '@playwright/test';
import { addCompetency, collectErrors, newFramework, openApp } from './canvas-helpers';
import { unsavedWorkJournalled } from './recovery-helpers';

/** Presses Tab until `target` has the focus (at most `max` times). */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, max = 20): Promise<void> {
  for (let i = 0; i < max && !(await target.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

// A keyboard-only user: dialogs keep Tab inside and give the focus back to the button that opened them;
// Enter on a toolbar button does what the button says even while a competency is selected; key presses in
// a dialog do not edit the map behind it; and Tab on the canvas is not a trap — past the last competency it
// goes on to the side panel.
test('dialogs trap and return focus; Enter on a button is the button; Tab leaves the canvas', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'K.1', 'I can count to ten');
  await addCompetency(page, 'K.2', 'I can count to twenty');
  await expect(page.locator('.cnode.is-selected')).toHaveCount(1);

  // Enter on the focused Export button opens the export dialog (it used to jump to the inspector instead).
  const exportBtn = page.getByRole('button', { name: 'Export…' });
  await exportBtn.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  await expect(page.locator('#field-statement')).not.toBeFocused();

  // Tab cycles inside the dialog, however often it is pressed, both ways.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  // Keys that edit the map do nothing behind the dialog.
  await dialog.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Delete');
  await page.keyboard.press('n');
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(2);

  // Escape closes it and the focus is back on Export.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(exportBtn).toBeFocused();

  // The same for the import dialog and the shortcuts help.
  const importBtn = page.getByRole('button', { name: 'Import…' });
  await importBtn.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Import' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(importBtn).toBeFocused();
  const helpBtn = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await helpBtn.focus();
  await page.keyboard.press('Enter');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  expect(await help.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(helpBtn).toBeFocused();
  // ? opens it and ? closes it again
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await page.keyboard.press('?');
  await expect(help).toHaveCount(0);

  // Tab from the toolbar into the canvas walks the competencies, then goes on to the side panel.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).focus();
  const inspectorTab = page.getByRole('tab', { name: /Inspector/ });
  await tabTo(page, inspectorTab, 10);
  // …and Shift+Tab walks back and out to the toolbar.
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('.cnode.is-selected')).toHaveCount(1);
  // (back past Unlock, Select several, the fit and zoom buttons and into the map)
  for (let i = 0; i < 6 && (await page.getByRole('toolbar', { name: 'Main toolbar' }).locator(':focus').count()) === 0; i++) await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' }).locator(':focus')).toHaveCount(1);
  expect(errors).toEqual([]);
});

// The side panels are one tab list: Tab stops once on it and then goes into the open panel; the arrows
// move between the panels (and open them), as in any tab list.
test('the side panel tabs: arrows move between panels, Tab goes on into the open panel', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const inspector = page.getByRole('tab', { name: 'Inspector', exact: true });
  await inspector.focus();
  await page.keyboard.press('ArrowDown');
  const scale = page.getByRole('tab', { name: 'Scale & domains', exact: true });
  await expect(scale).toBeFocused();
  await expect(scale).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Learners', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // wraps
  await expect(inspector).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  expect(await page.getByRole('tabpanel', { name: 'Scale & domains' }).evaluate((p) => p.contains(document.activeElement))).toBe(true);
  expect(errors).toEqual([]);
});

// The student view covers the app: Tab stays in it, and Escape gives the focus back to its button.
test('the student view keeps Tab inside and returns the focus to its button', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByRole('tab', { name: 'Learners', exact: true }).click();
  const open = page.getByRole('button', { name: 'Student view' });
  await open.focus();
  await page.keyboard.press('Enter');
  const view = page.getByRole('dialog', { name: 'Student view' });
  await expect(view).toBeVisible();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await view.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(open).toBeFocused();
  expect(errors).toEqual([]);
});

// Tab past the last competency goes to what follows the map on the page: on an adopted framework that is
// the lock badge's Unlock button (then the side panel), so a keyboard user can unlock it.
test('Tab walks the competencies of the locked example, then reaches Unlock and the side panel', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
  // 36 competencies, then the zoom, fit and Select several buttons
  await tabTo(page, page.getByRole('button', { name: 'Unlock' }), 44);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tab', { name: 'Inspector', exact: true })).toBeFocused();
  expect(errors).toEqual([]);
});

// The restore offer after a closed tab is a dialog too: it starts on Restore, keeps Tab inside, and Escape
// means "Decide later" (the work stays offered next time).
test('the restore offer starts on Restore, keeps Tab inside, and Escape decides later', async ({ page }) => {
  const errors = collectErrors(page);
  await unsavedWorkJournalled(page);
  await page.reload();
  const offer = page.getByRole('dialog', { name: 'Restore unsaved work' });
  await expect(offer).toContainText('Untitled framework');
  await expect(offer.getByRole('button', { name: 'Restore' })).toBeFocused();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    expect(await offer.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(offer).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('dialog', { name: 'Restore unsaved work' })).toHaveCount(1);
  expect(errors).toEqual([]);
});

// Export ▸ Printable mastery map replaces the export dialog with the preview; closing the preview gives the
// focus back to the toolbar's Export button (it was lost to the page).
test('closing the printable map preview returns the focus to Export', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const exportBtn = page.getByTestId('open-export');
  await exportBtn.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator('[data-format="html"]').click();
  await dialog.getByTestId('export-run').click();
  const preview = page.getByTestId('print-preview');
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  await expect(exportBtn).toBeFocused();
  expect(errors).toEqual([]);
});
