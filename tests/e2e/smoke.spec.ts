import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const example = JSON.parse(readFileSync('resources/examples/grade3-5-fractions.json', 'utf8')) as {
  framework: { title: string; competencies: Record<string, { code: string }> };
};

test('the browser build opens the example framework on the canvas without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('./');
  const codes = Object.values(example.framework.competencies).map((c) => c.code);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(codes.length);
  await expect(page.locator(`[data-code="${codes[0]}"]`)).toBeVisible();
  await expect(page.getByText(example.framework.title).first()).toBeVisible();
  expect(errors).toEqual([]);
});
