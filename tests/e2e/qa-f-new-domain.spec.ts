import { test, expect } from '@playwright/test';
import { collectErrors, openApp, newFramework, addCompetency, node } from './canvas-helpers';

// A competency moved into the map's first domain from the inspector stays in view: the lane
// headers that appear with the first domain narrow the canvas, and the card must not be left under the inspector.
test('the card put into the first new domain is shown whole', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'M.1', 'Count to 100');
  await addCompetency(page, 'M.2', 'Add within 20');
  await addCompetency(page, 'M.3', 'Subtract within 20');
  await page.locator('#field-domain').selectOption({ label: 'New domain…' });
  await page.getByLabel('New domain name').fill('Operations');
  await page.getByLabel('New domain name').press('Enter');
  await expect(node(page, 'M.3')).toContainText('Operations');
  await page.waitForTimeout(800);
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  const card = (await node(page, 'M.3').boundingBox())!;
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/qa-f-new-domain.png` });
  expect(card.x).toBeGreaterThanOrEqual(canvas.x);
  expect(card.x + card.width).toBeLessThanOrEqual(canvas.x + canvas.width);
  expect(card.y + card.height).toBeLessThanOrEqual(canvas.y + canvas.height);
  expect(errors).toEqual([]);
});

// Enter (domain added) or Escape (row closed) in "New domain name" gives the keyboard back to the Domain
// field; it went to a grade chip (Enter) or to the page (Escape), and Tab started over from the toolbar.
test('the keyboard stays on the Domain field after New domain…', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'M.1', 'Count to 100');
  const domain = page.locator('#field-domain');
  await domain.selectOption({ label: 'New domain…' });
  await page.getByLabel('New domain name').fill('Operations');
  await page.getByLabel('New domain name').press('Enter');
  await expect(domain).toBeFocused();
  await expect(domain.locator('option:checked')).toHaveText('Operations');
  await domain.selectOption({ label: 'New domain…' });
  await page.getByLabel('New domain name').fill('Fractions');
  await page.getByLabel('New domain name').press('Escape');
  await expect(page.getByLabel('New domain name')).toHaveCount(0);
  await expect(domain).toBeFocused();
  await expect(page.locator('#field-code')).toHaveValue('M.1');
  expect(errors).toEqual([]);
});
