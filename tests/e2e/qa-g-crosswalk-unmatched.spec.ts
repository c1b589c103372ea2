import { expect, test } from '@playwright/test';
import { collectErrors, openApp, unlockToCorrect, node } from './canvas-helpers';
import { openTab } from './standards-helpers';

// QA (district lead): the crosswalk's "Unmatched in <new set>" list stopped at 150 standards while its heading
// counted them all, with nothing to show the rest — a new set of 200 standards showed 150 and no way to see more.
test('the crosswalk lists every unmatched standard of the new set, not the first 150', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.3')).toBeVisible();
  await unlockToCorrect(page);

  const lines = ['Code,Statement'];
  for (let i = 1; i <= 200; i++) lines.push(`NEW.${i},New standard number ${i}`);
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByRole('tab', { name: 'Standards CSV' }).click();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('pick-csv').click();
  await (await chooser).setFiles({ name: 'new-standards.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') });
  await dialog.getByLabel('Set title').fill('New state standards');
  await dialog.getByLabel('Code (human coding scheme)').selectOption({ label: 'Code' });
  await expect(dialog.getByTestId('csv-report')).toContainText('200 standards');
  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toBeHidden();

  await openTab(page, 'Coverage');
  const xw = page.getByTestId('crosswalk');
  await xw.getByRole('combobox', { name: 'New standards set' }).selectOption({ label: 'New state standards' });
  await expect(xw).toContainText('Unmatched in New state standards (200)');
  const unmatched = xw.getByTestId('xw-unmatched').getByRole('listitem');
  await expect(unmatched).toHaveCount(150);
  await xw.getByRole('button', { name: 'Show all 200' }).click();
  await expect(unmatched).toHaveCount(200);
  await expect(unmatched.last()).toContainText('NEW.200');
  expect(errors).toEqual([]);
});
