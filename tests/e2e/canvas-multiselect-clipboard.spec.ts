import { expect, test } from '@playwright/test';
import { addCompetency, clickEmptyCanvas, collectErrors, dragLink, mod, newFramework, node, openApp, settle, shot } from './canvas-helpers';

test('multi-select moves together as one undo step; copy, paste, duplicate and align', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'M.1', 'Count unit fractions');
  await addCompetency(page, 'M.2', 'Add like fractions');
  await clickEmptyCanvas(page);
  await addCompetency(page, 'M.3', 'Subtract like fractions');
  await clickEmptyCanvas(page);
  await page.keyboard.press('f');
  await settle(page);
  await dragLink(page, 'M.1', 'M.2');

  // Shift-click selects several; dragging one moves both.
  await node(page, 'M.1').click();
  await node(page, 'M.2').click({ modifiers: ['Shift'] });
  await expect(page.locator('.cnode.is-selected')).toHaveCount(2);
  // K links the two selected in click order (already linked here: refused with a message).
  await page.keyboard.press('k');
  await expect(page.getByTestId('notice')).toContainText('M.1 is already a prerequisite of M.2');
  await clickEmptyCanvas(page);
  await node(page, 'M.2').click();
  await node(page, 'M.3').click({ modifiers: ['Shift'] });
  await page.keyboard.press('k');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await clickEmptyCanvas(page);
  await node(page, 'M.1').click();
  await node(page, 'M.2').click({ modifiers: ['Shift'] });
  const before1 = (await node(page, 'M.1').boundingBox())!;
  const before2 = (await node(page, 'M.2').boundingBox())!;
  const grab = { x: before2.x + 60, y: before2.y + 50 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 40, grab.y + 60, { steps: 5 });
  await page.mouse.move(grab.x + 80, grab.y + 120, { steps: 5 });
  await page.mouse.up();
  const after1 = (await node(page, 'M.1').boundingBox())!;
  const after2 = (await node(page, 'M.2').boundingBox())!;
  expect(Math.round(after1.y - before1.y)).toBe(Math.round(after2.y - before2.y));
  expect(after1.y - before1.y).toBeGreaterThan(60);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo: move 2 competencies/);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => Math.round((await node(page, 'M.1').boundingBox())!.y)).toBe(Math.round(before1.y));

  // Box select (Shift+drag on the empty canvas) picks up all three.
  await clickEmptyCanvas(page);
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(canvas.x + 10, canvas.y + 10);
  await page.mouse.down();
  await page.mouse.move(canvas.x + canvas.width - 20, canvas.y + canvas.height / 2 + 150, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.locator('.cnode.is-selected')).toHaveCount(3);
  // ...and no page text on the way: a Shift+press on the map used to extend the text selection from the
  // last text clicked over the notices and panels, and Ctrl+C then copied that text, not the cards
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('');

  // Align the selection's tops, as one step.
  await page.getByLabel('Align selection').selectOption('top');
  await expect.poll(async () => new Set(await Promise.all(['M.1', 'M.2', 'M.3'].map(async (c) => Math.round((await node(page, c).boundingBox())!.y)))).size).toBe(1);
  await shot(page, 'multiselect-aligned');

  // Copy + paste: three more, with their internal link.
  // the Align menu hands the keys back to the canvas (a focused select would swallow the shortcuts)
  await expect(page.getByLabel('Align selection')).not.toBeFocused();
  await page.keyboard.press(`${mod}+c`);
  await page.keyboard.press(`${mod}+v`);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(6);
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await expect(page.locator('.cnode.is-selected')).toHaveCount(3);
  // codes stay unique: the copies are not duplicate-code errors the moment they appear
  for (const c of ['M.1', 'M.2', 'M.3']) await expect(node(page, `${c} (copy)`)).toHaveCount(1);

  // Duplicate (Ctrl/Cmd+D) one.
  await clickEmptyCanvas(page);
  await node(page, 'M.3 (copy)').click(); // the pasted copy, drawn over its original
  await page.keyboard.press(`${mod}+d`);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(7);
  await expect(node(page, 'M.3 (copy 2)')).toHaveCount(1); // M.3 and M.3 (copy) are taken

  // Paste into another document (a second tab): the clipboard is plain JSON text.
  await page.keyboard.press(`${mod}+f`);
  await page.keyboard.type('Count unit');
  await page.keyboard.press('Enter');
  await expect(page.locator('.cnode.is-selected')).toHaveAttribute('data-code', 'M.1');
  await page.getByLabel('Search competencies').blur();
  await page.keyboard.press(`${mod}+c`);
  const other = await context.newPage();
  await openApp(other);
  await newFramework(other);
  await other.getByTestId('canvas').click({ position: { x: 30, y: 30 } });
  await other.keyboard.press(`${mod}+v`);
  await expect(other.locator('.react-flow__node-competency')).toHaveCount(1);
  await expect(node(other, 'M.1')).toContainText('Count unit fractions');
  await other.close();

  expect(errors).toEqual([]);
});
