import { expect, test } from '@playwright/test';
import { node, openApp } from './canvas-helpers';

// A district file edited by hand: the last property of "framework" deleted, its comma left behind. The
// message named line 6, column 3 (the brace where the parser gave up) and quoted "}\n}\n" with its
// escapes; it names the comma's own line and column now, says what it is, and the open map stays.
test('opening a framework file with a trailing comma says which comma, in words, and keeps the open map', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
  await openApp(page, '?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  const text = '{\n  "format": "progressions.framework",\n  "formatVersion": 1,\n  "framework": {\n    "title": "District Math",\n  }\n}\n';
  const chooser = page.waitForEvent('filechooser');
  await page.getByTitle(/^Open/).first().click();
  await (await chooser).setFiles({ name: 'district-math.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByRole('alert').filter({ hasText: 'district-math.json' })).toHaveText(
    "Could not open district-math.json: Not valid JSON at line 5, column 29: a comma after the last property before '}' (JSON allows none there; delete it).",
  );
  await expect(node(page, 'FR.3.1')).toBeVisible();
});
