import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/progress', name);

test('a teacher loads class progress on the fractions example, sees ready next, opens and prints the student view', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Count print requests instead of opening the browser's print dialog.
  await page.addInitScript(() => {
    (window as unknown as { __prints: number }).__prints = 0;
    window.print = () => {
      (window as unknown as { __prints: number }).__prints++;
    };
  });
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();

  await page.getByRole('tab', { name: 'Learners' }).click();
  const panel = page.getByTestId('learners-panel');
  await expect(panel).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  await (await chooser).setFiles(fixture('grade3-5-fractions.csv'));
  await expect(panel.getByTestId('learners-message')).toContainText('Imported 12 records for 3 learners from grade3-5-fractions.csv.');

  // Maya (the first learner) has mastered FR.3.1–FR.3.3: three competencies are ready next, each with its reason.
  await expect(panel.getByTestId('learner-select')).toHaveValue('maya');
  const ready = panel.getByTestId('ready-next');
  await expect(ready.locator('.lrn-code')).toHaveText(['FR.3.4', 'FR.3.8', 'FR.4.3']);
  await expect(ready).toContainText('All prerequisites mastered');
  await expect(panel.getByTestId('blocked')).toContainText('FR.3.5');
  await expect(panel.getByTestId('blocked').locator('li').filter({ has: page.locator('.lrn-comp[data-code="FR.3.5"]') })).toContainText('Needs FR.3.4');

  // The canvas shows it too: ready next outlined (dashed), mastered ticked.
  const node = page.locator('.react-flow__node', { has: page.locator('[data-code="FR.3.8"]') });
  await expect(node.locator('.cnode')).toHaveCSS('outline-style', 'dashed');
  const mastered = page.locator('.react-flow__node', { has: page.locator('[data-code="FR.3.1"]') });
  expect(await mastered.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"✓"');

  // Another learner: Leo has only started FR.3.1.
  await panel.getByTestId('learner-select').selectOption('leo');
  await expect(panel.getByTestId('ready-next').locator('.lrn-code')).toHaveText(['FR.3.1']);
  await panel.getByTestId('learner-select').selectOption('maya');

  // The student view: "I can" statements, next steps, printable.
  await panel.getByTestId('open-student-view').click();
  const view = page.getByRole('dialog', { name: 'Student view' });
  await expect(view).toBeVisible();
  await expect(view.getByRole('heading', { name: 'My learning map' })).toBeVisible();
  await expect(view).toContainText('Maya R.');
  await expect(view.getByTestId('student-next-steps').locator('li')).toHaveCount(3);
  await expect(view.locator('.sv-card[data-code="FR.3.1"]')).toContainText('I’ve mastered this');
  await expect(view.locator('.sv-card[data-code="FR.3.5"]')).toContainText('Later — first: FR.3.4');
  await expect(view.locator('.sv-card[data-code="FR.3.4"]')).toContainText('What each phase looks like');

  await view.getByTestId('student-print').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);

  // The print style sheet shows only the student view, without its buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#root')).toBeHidden();
  await expect(view).toBeVisible();
  await expect(view.getByTestId('student-print')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await view.getByRole('button', { name: 'Close' }).click();
  await expect(view).toBeHidden();
  expect(errors).toEqual([]);
});

test('a progress CSV with bad rows is refused with every problem listed by row, column and cell, in words', async ({ page }) => {
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await page.getByRole('tab', { name: 'Learners' }).click();
  const panel = page.getByTestId('learners-panel');
  // A semicolon-separated file from European Excel (BOM, sep=; line, a day.month.year date).
  let chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  await (await chooser).setFiles(fixture('grade3-5-fractions-bad-rows.csv'));
  const msg = panel.getByTestId('learners-message');
  await expect(msg.getByRole('alert')).toHaveText('grade3-5-fractions-bad-rows.csv: nothing was imported — 4 problems in its rows. Fix them in the spreadsheet and import again.');
  const list = msg.getByRole('list', { name: 'Problems in the file' });
  await expect(list.locator('li .banner-problem-text')).toHaveText([
    'row 3, column "competency": no competency in this framework has the code or id "FR.3.99"',
    'row 4, column "phase": "Mastered" is not a mastery phase of this framework (the scale is Beginning, Developing, Proficient, Advanced)',
    /^row 5, column "date": "22\.09\.2026" is not written YYYY-MM-DD \(did you mean 2026-09-22\?\)/,
    "row 6, column \"learner\" is empty: write the learner's id",
  ]);
  await expect(list.locator('li .banner-problem-path')).toHaveText(['C3', 'D4', 'E5', 'A6']);
  await expect(msg.getByRole('button', { name: 'Copy all 4 problems' })).toBeVisible();
  // Every problem is readable in the panel: not cut off sideways.
  for (const li of await list.locator('li').all()) expect(await li.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await expect(panel.getByTestId('learner-select')).toHaveCount(0);

  // More problems than the narrow panel lists at first: the first five, then all on "Show all".
  chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  const rows = Array.from({ length: 8 }, (_, i) => `maya,FR.3.1,Proficient,2026-09-${31 + i},`);
  await (await chooser).setFiles({ name: 'dates.csv', mimeType: 'text/csv', buffer: Buffer.from(['learner,competency,phase,date,evidence', ...rows].join('\n')) });
  await expect(msg.getByRole('alert')).toHaveText('dates.csv: nothing was imported — 8 problems in its rows. Fix them in the spreadsheet and import again.');
  const items = msg.getByTestId('open-problems').getByRole('listitem');
  await expect(items).toHaveCount(5);
  await expect(items.first()).toContainText('row 2, column "date": "2026-09-31" is not a real date: September 2026 has no day 31');
  await msg.getByRole('button', { name: 'Show all 8 problems' }).click();
  await expect(items).toHaveCount(8);
  await expect(msg.getByTestId('open-problems').locator('.banner-problem-path')).toHaveText(['D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9']);

  // A file that is not a CSV at all says so in one line, without a list.
  chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  await (await chooser).setFiles({ name: 'class.csv', mimeType: 'text/csv', buffer: Buffer.from('PK\u0003\u0004\u0014\u0000binary', 'latin1') });
  await expect(msg).toContainText('class.csv: This file is an Excel or OpenDocument workbook, not a CSV');
  await expect(msg.getByTestId('open-problems')).toHaveCount(0);
});
