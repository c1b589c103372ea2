import { expect, test, type Page } from '@playwright/test';
import { addCompetency, clickEmptyCanvas, collectErrors, dragLink, holdLayoutWorker, mod, newFramework, node, openApp, shot } from './canvas-helpers';

async function centre(page: import('@playwright/test').Page, code: string) {
  const b = (await node(page, code).boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

test('auto-layout puts prerequisites before dependents, keeps pinned competencies, and is one undo step', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await newFramework(page);
  // Built "backwards": each new one lands right of the previous, then linked right → left.
  await addCompetency(page, 'C', 'Compare fractions');
  await addCompetency(page, 'B', 'Find equivalent fractions');
  await addCompetency(page, 'A', 'Understand unit fractions');
  await addCompetency(page, 'P', 'A pinned note competency');
  await clickEmptyCanvas(page);
  await page.keyboard.press('f'); // fit the map in view
  await page.waitForTimeout(400);
  await dragLink(page, 'A', 'B');
  await dragLink(page, 'B', 'C');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // Pin P (keyboard: P on the selection).
  await node(page, 'P').click();
  await page.keyboard.press('p');
  await expect(node(page, 'P').locator('.cnode-pin')).toBeVisible();
  const pinnedBefore = await node(page, 'P').getAttribute('style');
  await shot(page, 'layout-before');

  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await expect(page.getByRole('button', { name: /Auto-layout/ })).toBeEnabled();
  await expect.poll(async () => (await centre(page, 'A')).x < (await centre(page, 'B')).x && (await centre(page, 'B')).x < (await centre(page, 'C')).x).toBe(true);
  await shot(page, 'layout-after');
  // The pinned competency kept its flow position (its transform in flow coordinates is unchanged
  // relative to the others: compare against its stored position via the style's translate()).
  await clickEmptyCanvas(page);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo: auto-layout/);
  expect(await node(page, 'P').getAttribute('style')).toContain(pinnedBefore!.match(/translate\([^)]*\)/)![0]);

  // One undo step restores every position.
  await page.keyboard.press(`${mod}+z`);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo: pin/);
  await expect.poll(async () => (await centre(page, 'C')).x < (await centre(page, 'B')).x).toBe(true);

  // Lanes toggle: horizontal → vertical columns (top-down flow) → off.
  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await page.getByTestId('lanes-toggle').click();
  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await expect.poll(async () => (await centre(page, 'A')).y < (await centre(page, 'B')).y && (await centre(page, 'B')).y < (await centre(page, 'C')).y).toBe(true);

  expect(errors).toEqual([]);
});

/**
 * A new framework with A → B while the layout worker's script is held: the first layout stays in flight
 * until `release()`. `at(code)` is a competency's translate() on the canvas.
 */
async function twoLinkedWithLayoutHeld(page: Page) {
  const release = await holdLayoutWorker(page);
  await openApp(page);
  await newFramework(page);
  await addCompetency(page, 'B', 'Find equivalent fractions');
  await addCompetency(page, 'A', 'Understand unit fractions');
  await clickEmptyCanvas(page);
  await dragLink(page, 'A', 'B');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  const at = async (code: string) => /translate\([^)]*\)/.exec((await node(page, code).getAttribute('style')) ?? '')?.[0];
  return { release, at };
}

test('a running auto-layout shows progress with Cancel; cancelling moves nothing, and the next run works', async ({ page }) => {
  const errors = collectErrors(page);
  const { release, at } = await twoLinkedWithLayoutHeld(page);
  const before = { a: await at('A'), b: await at('B') };
  expect(before.a).toBeTruthy();
  const undoBefore = await page.getByRole('button', { name: 'Undo' }).getAttribute('title');

  await page.getByRole('button', { name: /Auto-layout/ }).click();
  const cancel = page.getByRole('button', { name: 'Cancel auto-layout' });
  await expect(cancel).toBeVisible();
  await expect(page.getByRole('button', { name: 'Laying out…' })).toBeDisabled();
  // the UI is not blocked meanwhile: selecting a competency still works
  await node(page, 'A').click();
  await expect(node(page, 'A')).toHaveClass(/selected/);
  await shot(page, 'layout-running');
  await cancel.click();
  await expect(cancel).toBeHidden();
  await expect(page.getByText('Auto-layout cancelled; nothing was moved.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Auto-layout/ })).toBeEnabled();
  expect(await at('A')).toBe(before.a);
  expect(await at('B')).toBe(before.b);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', undoBefore!);

  // a fresh worker lays out the next request
  release();
  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo: auto-layout/);
  await expect.poll(async () => (await centre(page, 'A')).x < (await centre(page, 'B')).x).toBe(true);
  expect(errors).toEqual([]);
});

test('Escape cancels a running auto-layout and keeps the selection; with no layout running it clears the selection', async ({ page }) => {
  const errors = collectErrors(page);
  const { release, at } = await twoLinkedWithLayoutHeld(page);
  const before = { a: await at('A'), b: await at('B') };
  const undoBefore = await page.getByRole('button', { name: 'Undo' }).getAttribute('title');

  await node(page, 'A').click();
  await expect(node(page, 'A')).toHaveClass(/selected/);
  await page.keyboard.press('l');
  const cancel = page.getByRole('button', { name: 'Cancel auto-layout' });
  await expect(cancel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(cancel).toBeHidden();
  await expect(page.getByText('Auto-layout cancelled; nothing was moved.')).toBeVisible();
  // only the layout stopped: the selection stays, nothing moved, no undo step
  await expect(node(page, 'A')).toHaveClass(/selected/);
  expect(await at('A')).toBe(before.a);
  expect(await at('B')).toBe(before.b);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', undoBefore!);
  // no layout running: Escape clears the selection, as before
  await page.keyboard.press('Escape');
  await expect(node(page, 'A')).not.toHaveClass(/selected/);

  // the help lists it
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Cancel a running auto-layout');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  release();
  expect(errors).toEqual([]);
});
