import { expect, test } from '@playwright/test';
import { collectErrors, node, openApp } from './canvas-helpers';
import { openTab } from './standards-helpers';

const SHOTS = process.env.SHOTS_DIR;

test('the problems panel shows a prerequisite cycle; clicking it selects the competencies and highlights the path', async ({ page }) => {
  const errors = collectErrors(page);
  // Cycles cannot be drawn in the editor (it refuses the closing link), so the fixture brings one.
  await openApp(page, '?open=/fixtures/frameworks/cycle.json');
  await expect(node(page, 'NF.4')).toBeVisible();

  await openTab(page, 'Problems');
  const panel = page.getByTestId('problems-panel');
  await expect(panel.getByTestId('count-error')).toHaveText('1');
  await expect(panel.getByTestId('count-warning')).toHaveText('3');
  // Summary: NF.1 is the only starting point; the cycle counts once in the longest chain (NF.1 → cycle).
  await expect(panel.getByTestId('stat-roots')).toHaveText('1');
  await expect(panel.getByTestId('stat-chain')).toHaveText('2');

  const cycle = panel.locator('[data-testid=problem][data-code="prerequisite-cycle"]');
  await expect(cycle).toContainText('NF.2 → NF.3 → NF.4 → NF.2');
  await cycle.click();

  // The three competencies of the cycle are selected (and only they), the path is outlined.
  for (const code of ['NF.2', 'NF.3', 'NF.4']) {
    await expect(node(page, code).locator('.cnode')).toHaveClass(/is-selected/);
    await expect(node(page, code).locator('.cnode')).toHaveCSS('outline-style', 'solid');
  }
  await expect(node(page, 'NF.1').locator('.cnode')).not.toHaveClass(/is-selected/);
  await expect(node(page, 'NF.1').locator('.cnode')).not.toHaveCSS('outline-style', 'solid');
  const highlighted = page.locator('.react-flow__edge[data-id="b0000000-0000-4000-8000-000000000004"] .react-flow__edge-path');
  await expect(highlighted).toHaveCSS('stroke-dasharray', /8/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/problems-cycle.png` });

  // A second click clears the highlight.
  await cycle.click();
  await expect(node(page, 'NF.2').locator('.cnode')).not.toHaveCSS('outline-style', 'solid');

  // A warning about one competency selects that one.
  await panel.locator('[data-testid=problem][data-code="threshold-undescribed"]').first().click();
  await expect(node(page, 'NF.2').locator('.cnode')).toHaveClass(/is-selected/);
  await expect(node(page, 'NF.3').locator('.cnode')).not.toHaveClass(/is-selected/);
  expect(errors).toEqual([]);
});
