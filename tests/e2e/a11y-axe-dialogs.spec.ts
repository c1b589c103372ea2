import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { auditTests, type AuditGroup } from './a11y-helpers';
import { addCompetency, clickEmptyCanvas, mod, node, openWithPicker, stubFilePickers, writePrivateFile } from './canvas-helpers';
import { unsavedWorkJournalled } from './recovery-helpers';

// The axe audit of a11y-axe.spec.ts (WCAG 2.1 AA, light and dark theme), over the dialogs and views a user
// only meets on the way: a save conflict, the offer to restore unsaved work, Open recent, the printable map,
// the class sheets, the Learners panel's forms and messages, and the app's confirm dialog (removing a
// domain, a phase or a standards set, replacing unsaved progress).

const TEXT = readFileSync(join(import.meta.dirname, '../fixtures/frameworks/v1-minimal.json'), 'utf8');
const FILE = 'shared-plan.json';
const progress = (name: string) => join(import.meta.dirname, '../fixtures/progress', name);


/** The fractions example with a class's progress loaded, on the Learners tab. */
async function exampleWithProgress(page: Page) {
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(node(page, 'FR.3.1')).toBeVisible();
  await page.getByRole('tab', { name: 'Learners', exact: true }).click();
  const panel = page.getByTestId('learners-panel');
  const chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('import-progress').click();
  await (await chooser).setFiles(progress('grade3-5-fractions.csv'));
  await expect(panel.getByTestId('ready-next')).toBeVisible();
  return panel;
}

const groups: Record<string, AuditGroup> = {
  'Open recent and the save conflict': async (page, check) => {
    await stubFilePickers(page, FILE, `mine-${FILE}`);
    await openWithPicker(page, FILE, TEXT);

    // After a reload Open recent lists the file (its menu open), and reopens it.
    await page.reload();
    await expect(page.getByTestId('canvas')).toBeVisible();
    await page.getByRole('button', { name: 'Recent ▾' }).click();
    const item = page.getByTestId('open-recent').getByRole('menuitem', { name: FILE });
    await expect(item).toBeVisible();
    await check('Open recent menu');
    await item.click();
    await expect(page).toHaveTitle(`${FILE} — Progressions`);

    // A colleague changed the file meanwhile: saving asks.
    page.on('dialog', (d) => void d.dismiss()); // "changed by another program — reload?" when the tab gets the focus back
    await addCompetency(page, 'MINE.1', 'My new competency');
    await writePrivateFile(page, FILE, TEXT.replace('"title": "', '"title": "Colleague edit — '));
    await clickEmptyCanvas(page);
    await page.keyboard.press(`${mod}+s`);
    const conflict = page.getByTestId('save-conflict');
    await expect(conflict).toBeVisible();
    await check('save conflict');
    await page.keyboard.press('Escape');
    await expect(conflict).toHaveCount(0);
  },

  'the restore offer': async (page, check) => {
    await unsavedWorkJournalled(page);
    await page.reload();
    const offer = page.getByRole('dialog', { name: 'Restore unsaved work' });
    await expect(offer).toContainText('Untitled framework');
    await check('restore unsaved work');
  },

  'the confirm dialog': async (page, check) => {
    await page.goto('./?open=/examples/grade3-5-fractions.json');
    await expect(node(page, 'FR.3.1')).toBeVisible();
    await page.getByRole('tab', { name: 'Scale & domains', exact: true }).click();
    const domains = page.getByRole('region', { name: 'Domains' });
    await domains.getByRole('button', { name: /^Remove / }).first().click();
    const ask = page.getByRole('alertdialog', { name: 'Remove domain' });
    await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await check('confirm: remove a domain');
    await page.keyboard.press('Escape');
    await expect(ask).toHaveCount(0);
  },

  'the printable map and the class sheets': async (page, check) => {
    await page.addInitScript(() => {
      window.print = () => undefined;
    });
    const panel = await exampleWithProgress(page);
    await panel.getByTestId('open-student-view').click();
    const student = page.getByRole('dialog', { name: 'Student view' });
    await student.getByTestId('student-class-sheets').click();
    await expect(student.getByTestId('class-sheet')).toHaveCount(3);
    await check('class sheets');
    await page.keyboard.press('Escape');
    await expect(student).toHaveCount(0);

    await page.getByTestId('open-export').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.locator('[data-format="html"]').click();
    await dialog.getByTestId('export-run').click();
    const preview = page.getByTestId('print-preview');
    await expect(preview.locator('section.map img')).toBeVisible();
    await check('printable mastery map');
  },

  'the Learners forms and messages': async (page, check) => {
    const panel = await exampleWithProgress(page);
    // record progress for the selected competency; the learner's records opened
    await panel.getByTestId('ready-next').locator('.lrn-comp[data-code="FR.3.4"]').click();
    await expect(panel.getByRole('region', { name: 'Record progress' })).toContainText('FR.3.4');
    await panel.getByTestId('learner-records').locator('summary').click();
    await check('Learners: record progress, records');
    // a review comment
    await panel.getByRole('tab', { name: 'Review', exact: true }).click();
    const review = panel.getByTestId('review-comments');
    await review.getByRole('textbox').first().fill('Is this the right order?');
    await review.getByRole('button', { name: 'Add comment' }).click();
    await expect(review.getByRole('button', { name: 'Resolve' })).toBeVisible();
    await check('Learners: review with a comment');
    // comparing with another version
    await panel.getByRole('tab', { name: 'Compare', exact: true }).click();
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/examples/grade3-5-fractions.json'), 'utf8'));
    file.framework.version = '0.9.0';
    (Object.values(file.framework.competencies)[0] as { statement: string }).statement = 'An older wording.';
    let chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: 'Choose the other version…' }).click();
    await (await chooser).setFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect(panel.getByTestId('compare-versions')).toContainText('Comparing old.json');
    await check('Learners: compare versions');
    // a progress file with bad rows: the problems listed
    await panel.getByRole('tab', { name: 'Learner', exact: true }).click();
    chooser = page.waitForEvent('filechooser');
    await panel.getByTestId('import-progress').click();
    await (await chooser).setFiles(progress('grade3-5-fractions-bad-rows.csv'));
    await expect(panel.getByTestId('learners-message').getByRole('alert')).toContainText('nothing was imported');
    await check('Learners: progress file with problems');
    // a CSV Excel saved in the Windows code page: the notice under the summary
    chooser = page.waitForEvent('filechooser');
    await panel.getByTestId('import-progress').click();
    await (await chooser).setFiles(join(import.meta.dirname, '../fixtures/encoding/progress-windows-1252.csv'));
    await expect(panel.getByTestId('encoding-notice')).toContainText('Read as Windows-1252');
    await check('Learners: imported from a Windows-1252 CSV');
  },
};

auditTests(groups);
