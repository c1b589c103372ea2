import { expect, test } from '@playwright/test';
import { newFramework, node, openApp } from './canvas-helpers';

// A competencies sheet with a cycle A → B → C → A, opened and laid out on one row. The link that closes
// the cycle (C → A) runs backwards: it was drawn as a straight line along the row, behind the cards, so
// the link the Problems panel asks to remove could be neither seen nor clicked. It goes round below now.
test('a link that runs backwards (the one closing a cycle) is drawn below the cards and can be selected and removed', async ({ page }) => {
  await openApp(page);
  await newFramework(page);
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByRole('tab', { name: 'Competencies CSV' }).click();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('pick-competency-csv').click();
  await (await chooser).setFiles({ name: 'cycle.csv', mimeType: 'text/csv', buffer: Buffer.from('Code,Statement,Domain,Prerequisites\nA,Alpha,D,C\nB,Beta,D,A\nC,Gamma,D,B\n') });
  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toBeHidden();
  await expect(node(page, 'C')).toBeVisible();

  const a = (await node(page, 'A').boundingBox())!;
  const c = (await node(page, 'C').boundingBox())!;
  expect(c.x).toBeGreaterThan(a.x + a.width); // C sits right of A: its link to A runs backwards
  await expect(page.locator('.react-flow__edge-path')).toHaveCount(3);

  // The closing link's path passes below both cards (it used to stay on the row, hidden behind them).
  const paths = await page.locator('.react-flow__edge-path').evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right })));
  const lowest = Math.max(a.y + a.height, c.y + c.height);
  const below = paths.filter((r) => r.bottom > lowest + 5);
  expect(below).toHaveLength(1);
  expect(below[0]!.left).toBeLessThan(a.x + 5);
  expect(below[0]!.right).toBeGreaterThan(c.x + c.width - 5);

  // Click it where it runs under the row, between A and C: it is selected and Delete removes it, which breaks the cycle.
  await page.mouse.click((a.x + c.x + c.width) / 2, below[0]!.bottom - 1);
  await expect(page.locator('.react-flow__edge.selected .react-flow__edge-path')).toHaveCount(1);
  const d = await page.locator('.react-flow__edge.selected .react-flow__edge-path').getAttribute('d');
  expect(d).toMatch(/ L /); // the one that goes round below, not a bezier between neighbours
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge-path')).toHaveCount(2);
  await page.getByRole('tab', { name: 'Problems' }).click();
  await expect(page.getByText('Prerequisite cycle:')).toHaveCount(0);
});
