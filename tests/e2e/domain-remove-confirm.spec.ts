import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './canvas-helpers';

// Removing a phase asked first, removing a domain did not: one click took a domain off all its
// competencies, and the next row's trash button slid under the pointer. A domain with competencies now
// asks (saying what happens to them), in the app's own confirm dialog; an empty one goes at once.
test('removing a domain with competencies asks first; an empty domain goes at once', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  await page.getByRole('tab', { name: 'Scale & domains', exact: true }).click();
  const domains = page.getByRole('region', { name: 'Domains' });
  const titles = domains.getByLabel(/^Domain \d+ title$/);
  await expect(titles).toHaveCount(3);
  const first = await titles.first().inputValue();

  // asked in the app's own dialog (not the browser's confirm), Cancel focused: Escape removes nothing
  let native = false;
  page.on('dialog', (d) => {
    native = true;
    void d.dismiss();
  });
  const remove = domains.getByRole('button', { name: `Remove ${first}` });
  await remove.click();
  const ask = page.getByRole('alertdialog', { name: 'Remove domain' });
  await expect(ask).toBeVisible();
  await expect(ask).toHaveAccessibleDescription(new RegExp(`^Remove the domain “${first.replace(/[&]/g, '\\$&')}”\\? Its \\d+ competencies stay, without a domain \\(Undo brings it back\\)\\.$`));
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(titles).toHaveCount(3);
  await expect(remove).toBeFocused(); // back where the user was

  // Cancel: nothing removed either
  await remove.click();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(titles).toHaveCount(3);

  // Remove domain: removed
  await remove.click();
  await ask.getByRole('button', { name: 'Remove domain' }).click();
  await expect(ask).toHaveCount(0);
  await expect(titles).toHaveCount(2);

  // an empty domain: no question
  await domains.getByLabel('New domain title').fill('Empty strand');
  await domains.getByLabel('New domain title').press('Enter');
  await expect(titles).toHaveCount(3);
  await domains.getByRole('button', { name: 'Remove Empty strand' }).click();
  await expect(titles).toHaveCount(2);
  await expect(ask).toHaveCount(0);
  expect(native).toBe(false);
  expect(errors).toEqual([]);
});
