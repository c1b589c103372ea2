import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './canvas-helpers';

// On a Chromebook-sized window the example's thinnest band (FR-MD "Fractions in Measurement & Data")
// has room for one line beside its code: the header shows the start of the title, ellipsed — not a
// lone "…" because the title's first word did not fit on the code's line.
test.use({ viewport: { width: 1024, height: 700 } });

test('a one-line band header shows the start of its title beside its code', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const header = page.getByTestId('lane-strip').locator('.lane-label', { hasText: 'FR-MD' });
  await expect(header).toBeVisible();
  await expect(header).toHaveAttribute('title', /Fractions in Measurement & Data/);
  const box = (await header.boundingBox())!;
  const code = (await header.locator('.lane-code').boundingBox())!;
  const title = (await header.locator('.lane-label-title').boundingBox())!;
  // the title starts on the code's line, inside the header, not an empty line
  expect(Math.abs(title.y - code.y)).toBeLessThan(6);
  expect(title.y + title.height).toBeLessThanOrEqual(box.y + box.height + 1);
  expect(title.width).toBeGreaterThan(12);
  // the code is shown whole; only the title gives way
  expect(await header.locator('.lane-code').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(errors).toEqual([]);
});
