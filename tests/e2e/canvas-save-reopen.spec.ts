import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { addCompetency, clickEmptyCanvas, collectErrors, dragLink, mod, newFramework, node, openApp } from './canvas-helpers';

test.beforeEach(async ({ page }) => {
  // Use file input + download (the fallback of browsers without the File System Access API).
  await page.addInitScript(() => localStorage.setItem('progressions.fsAccess', 'off'));
});

test('save through the browser host, the file validates against the schema, and reopens', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.locator('#meta-title').fill('Grade 4 Fractions Pilot');
  await page.locator('#meta-title').press('Enter');
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await addCompetency(page, '4.NF.1', 'Explain why a/b = (n×a)/(n×b)');
  await addCompetency(page, '4.NF.2', 'Compare two fractions with different numerators and denominators');
  await dragLink(page, '4.NF.1', '4.NF.2');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.getByTestId('dirty-mark')).toBeVisible();
  await expect(page).toHaveTitle(/^• .*Progressions$/);

  await clickEmptyCanvas(page);
  const downloadPromise = page.waitForEvent('download');
  await page.keyboard.press(`${mod}+s`);
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('grade-4-fractions-pilot.json');
  const path = test.info().outputPath('saved.json');
  await download.saveAs(path);
  await expect(page.getByTestId('dirty-mark')).toHaveCount(0);
  await expect(page).toHaveTitle('grade-4-fractions-pilot.json — Progressions');

  const loaded = loadFrameworkText(readFileSync(path, 'utf8'));
  expect(loaded.ok).toBe(true);
  if (!loaded.ok) return;
  const fw = loaded.value.framework;
  expect(fw.title).toBe('Grade 4 Fractions Pilot');
  expect(Object.values(fw.competencies).map((c) => c.code).sort()).toEqual(['4.NF.1', '4.NF.2']);
  const [link] = fw.prerequisites.values();
  expect([fw.competencies[link!.from]!.code, fw.competencies[link!.to]!.code]).toEqual(['4.NF.1', '4.NF.2']);

  // Start over, then reopen the saved file through Open….
  await newFramework(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open' }).click();
  await (await chooser).setFiles(path);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(2);
  await expect(node(page, '4.NF.2')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.getByTestId('doc-name')).toHaveText('saved.json');
  await expect(page.getByTestId('dirty-mark')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('?open= loads a framework from this site; a bad address shows a clear error banner', async ({ page }) => {
  const errors = collectErrors(page);
  const student = JSON.parse(readFileSync('resources/examples/student-science-inquiry.json', 'utf8')) as { framework: { competencies: object } };
  await openApp(page, '?open=examples/student-science-inquiry.json');
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(Object.keys(student.framework.competencies).length);
  await expect(page.getByTestId('doc-name')).toHaveText('student-science-inquiry.json');

  await openApp(page, '?open=fixtures/no-such-framework.json');
  await expect(page.getByTestId('error-banner')).toContainText('Could not open no-such-framework.json');
  await expect(page.getByTestId('error-banner')).toContainText('404');
  // 404 of a resource is logged by the browser itself; anything else would be ours.
  expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
});
