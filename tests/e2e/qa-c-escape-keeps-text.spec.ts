import { expect, test } from '@playwright/test';
import { addCompetency, newFramework, node, openApp } from './canvas-helpers';

// A designer writes a competency's notes, then presses Escape (to leave the field, or out of habit). The
// notes were thrown away with nothing to undo. Long text is kept now, as one undo step; a code typed
// by mistake in the one-line Code field is still taken back by Escape.
test('Escape in a long-text field keeps what was typed (undo takes it back); in the code field it still reverts', async ({ page }) => {
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'NF.1', 'Understand a unit fraction.');

  const notes = page.locator('#field-notes');
  await notes.click();
  await notes.pressSequentially('Use fraction strips first; many students need two lessons here.');
  await page.keyboard.press('Escape');
  await expect(notes).toHaveValue('Use fraction strips first; many students need two lessons here.');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /^Undo: edit notes of NF\.1/);

  // Still there after leaving the competency and coming back.
  await page.getByRole('button', { name: 'Competency', exact: true }).click();
  await node(page, 'NF.1').click();
  await expect(page.locator('#field-notes')).toHaveValue('Use fraction strips first; many students need two lessons here.');

  // The one-line code field: Escape takes back what was typed.
  const code = page.locator('#field-code');
  await code.click();
  await code.fill('OOPS');
  await page.keyboard.press('Escape');
  await expect(code).toHaveValue('NF.1');
});
