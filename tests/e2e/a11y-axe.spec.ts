import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { auditTests, type AuditGroup } from './a11y-helpers';

// WCAG 2.1 AA, as a school district's accessibility review checks it: axe-core over each view of the browser
// build, in the light and the dark theme, with axe's best practices (landmarks, headings). Any violation, down
// to a minor one, fails the test, listed view by view with the rule, the element and axe's own words. Nothing
// is excluded: every finding so far was ours to fix.
// (Contrast is checked as axe sees it: text over images, gradients or transparency it cannot resolve is
// reported "incomplete", not failed — the screenshots in docs and by hand cover those.)


/** Opens the example map (with its Unlock button: the example is adopted). */
async function openExample(page: Page): Promise<void> {
  await page.goto('./?open=/examples/grade3-5-fractions.json');
  await expect(page.locator('[data-testid=competency-node][data-code="FR.3.1"]')).toBeVisible();
}

/**
 * The views in four groups, each a test of its own in each theme: an axe run over a whole map takes a few
 * seconds, and a single test of every view ran past any sensible time limit on a loaded two-core CI box.
 */
const groups: Record<string, AuditGroup> = {
  'the canvas and the inspector': async (page, check) => {
    // A new, empty framework: the start card.
    await page.goto('./');
    await expect(page.getByTestId('canvas')).toBeVisible();
    await page.getByTitle('New framework').click();
    await expect(page.getByTestId('empty-canvas')).toBeVisible();
    await check('new framework (empty)');

    // The example map, and the inspector on a competency with phases, indicators and standards.
    await openExample(page);
    await check('example map');
    // "link from here" (K on a card): the start marked in words, the instruction bar over the map
    await page.locator('[data-testid=competency-node][data-code="FR.3.1"]').click();
    await page.keyboard.press('k');
    await expect(page.getByTestId('link-source-chip')).toBeVisible();
    await check('linking from a card (K)');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('link-source-chip')).toHaveCount(0);
    await page.locator('[data-testid=competency-node][data-code="FR.3.1"]').click();
    await expect(page.locator('#field-code')).toHaveValue('FR.3.1');
    await page.getByTestId('phase-Beginning').locator('summary').click();
    await expect(page.getByRole('list', { name: 'Beginning performance indicators' })).toBeVisible();
    await check('inspector');
    // the standards picker with results open (a listbox of options)
    const find = page.getByRole('combobox', { name: 'Find a standard to align' });
    await find.fill('fraction');
    await expect(page.getByRole('listbox', { name: 'Standards found' })).toBeVisible();
    await check('inspector, standards search');
    await find.fill('zzzz-no-such-standard');
    await check('inspector, standards search with no match');
  },

  'the side panels': async (page, check) => {
    await openExample(page);
    for (const tab of ['Problems', 'Coverage', 'Standards', 'Scale & domains', 'Details', 'Learners']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
      await check(`${tab} panel`);
    }
  },

  'the Learners views and the student view': async (page, check) => {
    // Learners with a class's progress: each view of the panel, then the student view.
    await openExample(page);
    await page.getByRole('tab', { name: 'Learners', exact: true }).click();
    const panel = page.getByTestId('learners-panel');
    const chooser = page.waitForEvent('filechooser');
    await panel.getByTestId('import-progress').click();
    await (await chooser).setFiles(join(import.meta.dirname, '../fixtures/progress/grade3-5-fractions.csv'));
    await expect(panel.getByTestId('ready-next')).toBeVisible();
    await check('Learners: learner');
    for (const tab of ['Class', 'Path', 'Pacing', 'Review', 'Compare']) {
      await panel.getByRole('tab', { name: tab, exact: true }).click();
      await expect(panel.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
      await check(`Learners: ${tab.toLowerCase()}`);
    }
    await panel.getByRole('tab', { name: 'Learner', exact: true }).click();
    await panel.getByTestId('open-student-view').click();
    const student = page.getByRole('dialog', { name: 'Student view' });
    await expect(student).toBeVisible();
    await check('student view');
    await page.keyboard.press('Escape');
    await expect(student).toHaveCount(0);
  },

  'the dialogs': async (page, check) => {
    await openExample(page);
    const dialogs: [string, string, string][] = [
      ['Export…', 'Export', 'Export dialog'],
      ['Import…', 'Import', 'Import dialog'],
      ['Help and keyboard shortcuts', 'Help and keyboard shortcuts', 'Help'],
    ];
    for (const [button, name, view] of dialogs) {
      await page.getByRole('button', { name: button, exact: true }).click();
      const dialog = page.getByRole('dialog', { name });
      await expect(dialog).toBeVisible();
      await check(view);
      if (name === 'Import') {
        await dialog.getByRole('tab', { name: /standards CSV/i }).click();
        await check('Import dialog, standards CSV');
        await dialog.getByRole('tab', { name: /competencies/i }).click();
        await check('Import dialog, competencies CSV');
      }
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    }
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    const unlock = page.getByTestId('unlock-dialog');
    await expect(unlock).toBeVisible();
    await check('Unlock dialog');
    await page.keyboard.press('Escape');
    await expect(unlock).toHaveCount(0);
  },
};

auditTests(groups);
