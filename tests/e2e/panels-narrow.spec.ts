import { expect, test } from '@playwright/test';
import { addCompetency, collectErrors, newFramework, node, openApp, searchAndPick } from './canvas-helpers';
import { pickStandardsCsv } from './standards-helpers';

test.use({ viewport: { width: 1280, height: 720 } });

// On a 1280×720 Chromebook the side panel is narrow: a domain's title in Scale & domains must still be
// readable whole (it was squeezed to about six letters by the code field and the row's buttons).
test('1280×720: the domains list shows each domain title whole', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByRole('tab', { name: 'Scale & domains', exact: true }).click();
  const domains = page.getByRole('region', { name: 'Domains' });
  const titles = domains.getByLabel(/^Domain \d+ title$/);
  await expect(titles).toHaveCount(6);
  for (let i = 0; i < 6; i++) {
    const t = titles.nth(i);
    await t.scrollIntoViewIfNeeded();
    const fits = await t.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1 && el.clientWidth >= 120);
    expect(fits, `“${await t.inputValue()}” is shown whole`).toBe(true);
  }
  // the row's controls are all still there and on screen
  const mu = domains.getByRole('button', { name: 'Move Multiplying & Dividing Fractions up' });
  await mu.scrollIntoViewIfNeeded();
  await expect(mu).toBeInViewport();
  await expect(domains.getByRole('button', { name: 'Remove Multiplying & Dividing Fractions' })).toBeInViewport();
  expect(errors).toEqual([]);
});

// A competency's statement, its "I can" statement and its phase descriptors are read more than they are
// written: the inspector shows each whole (the fields grow with their text) rather than two lines and a
// scroll bar.
test('1280×720: the inspector shows a long statement, “I can” and descriptor whole', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await searchAndPick(page, 'FR.4.2');
  const whole = (sel: string) => page.locator(sel).evaluate((el) => el.scrollHeight <= el.clientHeight + 1);
  await expect(page.locator('#field-statement')).toHaveValue(/Compare two fractions/);
  expect(await whole('#field-statement')).toBe(true);
  expect(await whole('#field-ican')).toBe(true);
  const descriptor = page.getByTestId('phase-Proficient').getByLabel('Proficient descriptor');
  await descriptor.scrollIntoViewIfNeeded();
  expect(await descriptor.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  // an empty field keeps its usual height (room to write)
  await page.getByRole('tab', { name: 'Scale & domains', exact: true }).click();
  await page.getByRole('tab', { name: 'Inspector', exact: true }).click();
  expect(await page.locator('#field-notes').evaluate((el) => el.clientHeight)).toBeGreaterThanOrEqual(40);
  expect(errors).toEqual([]);
});

// The standards CSV import is a long dialog (column mapping, preview, report): on a 720 px screen its
// Cancel / Add standards set buttons stay in view while the user works through the mapping.
test('1280×720: the import dialog keeps its buttons in view above a long column mapping', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const dialog = await pickStandardsCsv(page, 'tests/fixtures/standards/state-math-sample.csv');
  await expect(dialog.getByTestId('csv-preview')).toContainText('3.NF.A.1');
  const apply = dialog.getByRole('button', { name: 'Add standards set' });
  await expect(apply).toBeInViewport({ ratio: 1 });
  // the buttons are not drawn over a field: the one under them can still be clicked
  await dialog.getByLabel('Set title').focus();
  await expect(apply).toBeInViewport({ ratio: 1 });
  expect(errors).toEqual([]);
});

// Aligning from the inspector: the standards found for what the designer types appear under the search
// field at the foot of a long inspector; on a 720 px screen they must come into view, not open off screen.
test('1280×720: the standards found for an alignment come into view', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'A.1', 'I can name unit fractions');
  await page.getByTestId('open-import').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Choose a CASE package/ }).click();
  await (await chooser).setFiles('tests/fixtures/case/sample.case-1.1.json');
  await page.getByText('Add as a standards set').click();
  await page.getByTestId('import-apply').click();
  await node(page, 'A.1').click();
  await page.getByRole('tab', { name: 'Inspector', exact: true }).click();
  const find = page.getByLabel('Find a standard to align');
  await find.scrollIntoViewIfNeeded();
  await find.fill('fraction');
  const found = page.getByRole('listbox', { name: 'Standards found' }).getByRole('option');
  await expect(found.first()).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Standards found' })).toBeInViewport({ ratio: 1 });
  await expect(find).toBeInViewport({ ratio: 1 });
  expect(errors).toEqual([]);
});
