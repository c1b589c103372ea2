import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './canvas-helpers';

// Removing a phase asked first, removing a domain did not: one click took a domain off all its
// competencies, and the next row's trash button slid under the pointer. A domain with competencies now
// asks (saying what happens to them); an empty one goes at once.
test('removing a domain with competencies asks first; an empty domain goes at once', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  await page.getByRole('tab', { name: 'Scale & domains', exact: true }).click();
  const domains = page.getByRole('region', { name: 'Domains' });
  const titles = domains.getByLabel(/^Domain \d+ title$/);
  await expect(titles).toHaveCount(3);
  const first = await titles.first().inputValue();

  // dismissed: nothing removed
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await domains.getByRole('button', { name: `Remove ${first}` }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toMatch(new RegExp(`^Remove the domain “${first.replace(/[&]/g, '\\$&')}”\\? Its \\d+ competencies stay, without a domain \\(Undo brings it back\\)\\.$`));
  await expect(titles).toHaveCount(3);

  // accepted: removed
  page.once('dialog', (d) => void d.accept());
  await domains.getByRole('button', { name: `Remove ${first}` }).click();
  await expect(titles).toHaveCount(2);

  // an empty domain: no question
  let questioned = false;
  page.on('dialog', (d) => {
    questioned = true;
    void d.dismiss();
  });
  await domains.getByLabel('New domain title').fill('Empty strand');
  await domains.getByLabel('New domain title').press('Enter');
  await expect(titles).toHaveCount(3);
  await domains.getByRole('button', { name: 'Remove Empty strand' }).click();
  await expect(titles).toHaveCount(2);
  expect(questioned).toBe(false);
  expect(errors).toEqual([]);
});
