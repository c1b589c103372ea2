import { expect, test } from '@playwright/test';
import { newFramework, node, openApp } from './canvas-helpers';
import { pickCompetencyCsv } from './standards-helpers';

// A competencies sheet with a cycle A → B → C → A, opened and laid out on one row. The link that closes
// the cycle (C → A) runs backwards: it was drawn as a straight line along the row, behind the cards, so
// the link the Problems panel asks to remove could be neither seen nor clicked. It goes round below now.
test('a link that runs backwards (the one closing a cycle) is drawn below the cards and can be selected and removed', async ({ page }) => {
  await openApp(page);
  await newFramework(page);
  const dialog = await pickCompetencyCsv(page, { name: 'cycle.csv', text: 'Code,Statement,Domain,Prerequisites\nA,Alpha,D,C\nB,Beta,D,A\nC,Gamma,D,B\n' });
  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toBeHidden();
  await expect(node(page, 'C')).toBeVisible();

  await expect(page.locator('.react-flow__edge-path')).toHaveCount(3);
  // The import lays the map out in the background: the link that goes round is there once it is done.
  const back = page.locator('.react-flow__edge').filter({ has: page.locator('path.react-flow__edge-path[d*=" L "]') });
  await expect(back).toHaveCount(1);
  // The map may still be moving into view after the layout (a loaded CI box once timed out clicking a link
  // that moved under the pointer): measure once the cards keep still.
  await expect
    .poll(async () => {
      const before = JSON.stringify(await node(page, 'C').boundingBox());
      await page.waitForTimeout(250);
      return before === JSON.stringify(await node(page, 'C').boundingBox());
    })
    .toBe(true);

  const a = (await node(page, 'A').boundingBox())!;
  const c = (await node(page, 'C').boundingBox())!;
  expect(c.x).toBeGreaterThan(a.x + a.width); // C sits right of A: its link to A runs backwards
  // Its path passes below both cards (it used to stay on the row, hidden behind them), from A to C.
  const r = await back.locator('path.react-flow__edge-path').evaluate((p) => {
    const b = p.getBoundingClientRect();
    return { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
  });
  expect(r.bottom).toBeGreaterThan(Math.max(a.y + a.height, c.y + c.height) + 5);
  expect(r.left).toBeLessThan(a.x + 5);
  expect(r.right).toBeGreaterThan(c.x + c.width - 5);

  // Click it where it runs under the row, between A and C: it is selected and Delete removes it, which breaks the cycle.
  const g = (await back.boundingBox())!;
  await back.click({ position: { x: g.width / 2, y: g.height - 3 }, timeout: 15_000 });
  await expect(page.locator('.react-flow__edge.selected .react-flow__edge-path')).toHaveCount(1);
  const d = await page.locator('.react-flow__edge.selected .react-flow__edge-path').getAttribute('d');
  expect(d).toMatch(/ L /); // the one that goes round below, not a bezier between neighbours
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge-path')).toHaveCount(2);
  await page.getByRole('tab', { name: 'Problems' }).click();
  await expect(page.getByText('Prerequisite cycle:')).toHaveCount(0);
});
