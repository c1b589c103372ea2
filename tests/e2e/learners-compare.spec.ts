import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const example = join(import.meta.dirname, '../../resources/examples/grade3-5-fractions.json');

test('a designer compares the framework with an older version and exports the change log', async ({ page }) => {
  // Downloads instead of the File System Access save dialog, which a headless browser cannot answer.
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();

  // The "older version": one competency missing, one statement worded differently.
  const file = JSON.parse(readFileSync(example, 'utf8'));
  const comps = Object.values<{ id: string; code: string; statement: string }>(file.framework.competencies);
  const gone = comps.find((c) => c.code === 'FR.5.14')!;
  delete file.framework.competencies[gone.id];
  for (const [k, l] of Object.entries<{ from: string; to: string }>(file.framework.prerequisites)) {
    if (l.from === gone.id || l.to === gone.id) delete file.framework.prerequisites[k];
  }
  comps.find((c) => c.code === 'FR.3.3')!.statement = 'An older wording.';
  file.framework.version = '0.9.0';

  await page.getByRole('tab', { name: 'Learners' }).click();
  const panel = page.getByTestId('learners-panel');
  await panel.getByRole('tab', { name: 'Compare' }).click();
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Choose the other version…' }).click();
  await (await chooser).setFiles({ name: 'fractions-0.9.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });

  const view = panel.getByTestId('compare-versions');
  await expect(view).toContainText('Comparing fractions-0.9.json (version 0.9.0)');
  await expect(view).toContainText('Competencies: 1 added, 0 removed, 1 changed');
  await expect(view.locator('.is-added').first()).toContainText('FR.5.14');
  await expect(view.locator('.is-changed').first()).toContainText('FR.3.3');
  await expect(view.locator('.is-changed').first()).toContainText('(statement)');

  // The canvas colours the added competency.
  const added = page.locator('.react-flow__node', { has: page.locator('[data-code="FR.5.14"]') });
  await expect(added.locator('.cnode')).toHaveCSS('outline-color', 'rgb(43, 138, 62)');

  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Export change log…' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/-changes\.md$/);
  const md = readFileSync((await d.path())!, 'utf8');
  expect(md).toContain('From version 0.9.0 to version 1.0.0.');
  expect(md).toMatch(/### Added \(1\)\n\n- \*\*FR\.5\.14\*\*/);
});
