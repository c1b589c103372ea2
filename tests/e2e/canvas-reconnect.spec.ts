import { expect, test } from '@playwright/test';
import { addCompetency, clickEmptyCanvas, collectErrors, dragLink, mod, newFramework, node, openApp, settle } from './canvas-helpers';

test('a link can be reconnected by dragging its arrow end to another competency (one undo step)', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'R.1', 'First');
  await addCompetency(page, 'R.2', 'Second');
  await clickEmptyCanvas(page);
  await addCompetency(page, 'R.3', 'Third');
  await clickEmptyCanvas(page);
  await page.keyboard.press('f');
  await dragLink(page, 'R.1', 'R.2');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // Drag the arrow end of R.1 → R.2 onto R.3's incoming handle.
  await settle(page);
  const end = (await page.locator('.react-flow__edgeupdater-target').boundingBox())!;
  const target = (await node(page, 'R.3').locator('.react-flow__handle.target').boundingBox())!;
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + 40, target.y + 40, { steps: 6 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo: reconnect link to R\.1 → R\.3/);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await node(page, 'R.3').click();
  await expect(page.getByRole('region', { name: 'Prerequisites' })).toContainText('Requires (1)');
  await expect(page.getByRole('region', { name: 'Prerequisites' })).toContainText('R.1');
  await clickEmptyCanvas(page);
  await page.keyboard.press(`${mod}+z`);
  await node(page, 'R.2').click();
  await expect(page.getByRole('region', { name: 'Prerequisites' })).toContainText('Requires (1)');
  expect(errors).toEqual([]);
});
