import { expect, test } from '@playwright/test';
import { addCompetency, collectErrors, newFramework, node, openApp } from './canvas-helpers';

// A statement with a web address or a very long word ran off the card's right edge and was cut there
// (the card clamps the statement to three lines, but a line that cannot break was as wide as its word).
test('a statement with a long web address wraps inside its card', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  const statement = 'Cite evidence from https://www.example.org/science/inquiry/investigations/grade-7/fair-tests when planning';
  await addCompetency(page, 'S.1', statement);
  const text = node(page, 'S.1').locator('.cnode-statement');
  await expect(text).toHaveText(statement);
  const fits = await text.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  expect(fits, 'the statement does not run past the card').toBe(true);
  expect(errors).toEqual([]);
});
