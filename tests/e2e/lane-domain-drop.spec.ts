import { expect, test, type Page } from '@playwright/test';
import { collectErrors, mod, node, openApp, settle } from './canvas-helpers';

const SHOTS = process.env.SHOTS_DIR;
const EXAMPLE = '?open=/examples/student-science-inquiry.json';
/** The example's domains (resources/examples/student-science-inquiry.json). */
const DOMAINS = ['Ask & Plan', 'Collect & Show', 'Explain & Convince'];

async function box(page: Page, code: string) {
  const b = await node(page, code).boundingBox();
  if (!b) throw new Error(`${code} is not on screen`);
  return b;
}

/** The selected option's text of the inspector's Domain field. */
const domainShown = (page: Page) => page.locator('#field-domain').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');

/** Each lane's domain title → its rectangle on screen (read from React Flow's lane nodes). */
async function laneBoxes(page: Page): Promise<Map<string, { x: number; y: number; width: number; height: number }>> {
  const out = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const title of DOMAINS) {
    const id = await page.locator('.lane-strip .lane-label', { hasText: title }).getAttribute('data-domain');
    const b = await page.locator(`.react-flow__node[data-id="lane:${id}"]`).boundingBox();
    if (b) out.set(title, b);
  }
  return out;
}

/** Every lane header is shown whole in the strip, one per domain, none over another. */
async function expectAllHeaders(page: Page): Promise<void> {
  const labels = page.locator('.lane-strip .lane-label');
  await expect(labels).toHaveCount(DOMAINS.length);
  for (const title of DOMAINS) await expect(page.locator('.lane-strip .lane-label.is-full', { hasText: title })).toBeVisible();
  const boxes = await labels.evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
  boxes.sort((a, b) => a.top - b.top);
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 1);
}

test('dropping a card into another domain’s lane moves it to that domain, and one undo puts back both', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, EXAMPLE);
  await expect(node(page, 'SI.1')).toBeVisible();
  await settle(page);
  await node(page, 'SI.1').click({ position: { x: 30, y: 10 } });
  expect(await domainShown(page)).toContain('Ask & Plan');
  const before = await box(page, 'SI.1');
  const target = (await laneBoxes(page)).get('Explain & Convince')!;

  // pull SI.1 down until its centre is in the middle of the Explain & Convince band
  const grab = { x: before.x + 30, y: before.y + 10 };
  const dy = target.y + target.height / 2 - (before.y + before.height / 2);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 5, grab.y + dy / 3, { steps: 4 });
  await page.mouse.move(grab.x + 10, grab.y + dy, { steps: 8 });
  await page.mouse.up();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/lane-drop-dropped.png` });

  await expect.poll(() => domainShown(page)).toContain('Explain & Convince');
  await expect(page.getByTestId('notice')).toContainText('Moved SI.1 to Explain & Convince');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /move SI\.1 to Explain & Convince/);
  // the card is inside its new lane; no lane is stretched over the others: every header shows
  const lanes = await laneBoxes(page);
  const after = await box(page, 'SI.1');
  const ec = lanes.get('Explain & Convince')!;
  expect(after.y).toBeGreaterThanOrEqual(ec.y - 1);
  expect(after.y + after.height).toBeLessThanOrEqual(ec.y + ec.height + 1);
  const ap = lanes.get('Ask & Plan')!;
  expect(ap.y + ap.height).toBeLessThan(lanes.get('Collect & Show')!.y + 1);
  await expectAllHeaders(page);

  // one undo: back in Ask & Plan, where it was
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(() => domainShown(page)).toContain('Ask & Plan');
  await expect.poll(async () => Math.round((await box(page, 'SI.1')).y)).toBe(Math.round(before.y));
  expect(Math.round((await box(page, 'SI.1')).x)).toBe(Math.round(before.x));
  await expectAllHeaders(page);

  // a double-click in the empty part of a lane adds a competency in that lane's domain
  await page.mouse.dblclick(target.x + target.width - 12, target.y + 6);
  await expect(page.locator('#field-code')).toBeFocused();
  expect(await domainShown(page)).toContain('Explain & Convince');
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(11);
  await node(page, 'SI.1').click({ position: { x: 30, y: 10 } });

  // a drop in the empty space below every lane keeps the domain
  const below = target.y + target.height + 60 - (before.y + before.height / 2);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 5, grab.y + below / 2, { steps: 4 });
  await page.mouse.move(grab.x + 10, grab.y + below, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo: move SI\.1 \(/);
  expect(await domainShown(page)).toContain('Ask & Plan');
  expect(errors).toEqual([]);
});

test('changing a competency’s domain in the inspector puts its card in the new lane, clear of every other card', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, EXAMPLE);
  await expect(node(page, 'SI.3')).toBeVisible();
  await settle(page);
  await node(page, 'SI.3').click({ position: { x: 30, y: 10 } });
  const before = await box(page, 'SI.3');
  const domainId = await page.locator('.lane-strip .lane-label', { hasText: 'Collect & Show' }).getAttribute('data-domain');
  await page.locator('#field-domain').selectOption(domainId!);
  await expect.poll(async () => Math.round((await box(page, 'SI.3')).y)).not.toBe(Math.round(before.y));
  await settle(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/lane-drop-inspector.png` });

  const lane = (await laneBoxes(page)).get('Collect & Show')!;
  const c = await box(page, 'SI.3');
  expect(c.x).toBeGreaterThanOrEqual(lane.x - 1);
  expect(c.y).toBeGreaterThanOrEqual(lane.y - 1);
  expect(c.x + c.width).toBeLessThanOrEqual(lane.x + lane.width + 1);
  expect(c.y + c.height).toBeLessThanOrEqual(lane.y + lane.height + 1);
  const others = await page.locator('.react-flow__node-competency').evaluateAll((ns) =>
    ns.filter((n) => !n.querySelector('[data-code="SI.3"]')).map((n) => n.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
  );
  expect(others.length).toBe(10);
  for (const o of others) expect(o.x < c.x + c.width && c.x < o.x + o.w && o.y < c.y + c.height && c.y < o.y + o.h).toBe(false);
  await expectAllHeaders(page);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /move SI\.3 to Collect & Show/);

  // one undo: its domain and its place
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(() => domainShown(page)).toContain('Ask & Plan');
  await expect.poll(async () => Math.round((await box(page, 'SI.3')).y)).toBe(Math.round(before.y));
  expect(errors).toEqual([]);
});

test('in columns, a card dragged into another domain’s column joins it; that column takes it in while dragging', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, EXAMPLE);
  await expect(node(page, 'SI.2')).toBeVisible();
  await page.getByTitle('Domain lanes: horizontal, vertical or off').click();
  await expect(page.getByTestId('lane-strip')).toHaveClass(/lane-strip-top/);
  await page.keyboard.press('f');
  await settle(page);
  const cs = page.locator('.lane-strip .lane-label', { hasText: 'Collect & Show' });
  const csId = await cs.getAttribute('data-domain');
  const apId = await page.locator('.lane-strip .lane-label', { hasText: 'Ask & Plan' }).getAttribute('data-domain');
  const column = (await page.locator(`.react-flow__node[data-id="lane:${csId}"]`).boundingBox())!;
  const apBefore = (await page.locator(`.react-flow__node[data-id="lane:${apId}"]`).boundingBox())!;
  const b = await box(page, 'SI.2');
  const grab = { x: b.x + 20, y: b.y + 8 };
  const dx = column.x + column.width / 2 - (b.x + b.width / 2);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + dx / 3, grab.y + 10, { steps: 4 });
  await page.mouse.move(grab.x + dx, grab.y + 20, { steps: 8 });
  // mid-drag: Ask & Plan's column does not stretch over Collect & Show's; every header shows
  const apMid = (await page.locator(`.react-flow__node[data-id="lane:${apId}"]`).boundingBox())!;
  expect(apMid.x + apMid.width).toBeLessThanOrEqual(apBefore.x + apBefore.width + 1);
  for (const title of DOMAINS) await expect(page.locator('.lane-strip .lane-label.is-full', { hasText: title })).toBeVisible();
  await page.mouse.up();
  await expect(page.getByTestId('notice')).toContainText('Moved SI.2 to Collect & Show');
  await expect.poll(() => domainShown(page)).toContain('Collect & Show');
  const col = (await page.locator(`.react-flow__node[data-id="lane:${csId}"]`).boundingBox())!;
  const c = await box(page, 'SI.2');
  expect(c.x).toBeGreaterThanOrEqual(col.x - 1);
  expect(c.x + c.width).toBeLessThanOrEqual(col.x + col.width + 1);
  expect(errors).toEqual([]);
});

test('a collapsed domain’s lane takes no card: the drop is refused, says why, and the card goes back', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, EXAMPLE);
  await expect(node(page, 'SI.1')).toBeVisible();
  await settle(page);
  const header = page.locator('.lane-strip .lane-label', { hasText: 'Explain & Convince' });
  await header.getByRole('button').first().click();
  await expect(page.locator('.react-flow__node-collapsedDomain')).toHaveCount(1);
  const id = await header.getAttribute('data-domain');
  const lane = (await page.locator(`.react-flow__node[data-id="lane:${id}"]`).boundingBox())!;
  const before = await box(page, 'SI.1');
  const grab = { x: before.x + 20, y: before.y + 8 };
  const dy = lane.y + lane.height / 2 - (before.y + before.height / 2);
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 10, grab.y + dy / 3, { steps: 4 });
  await page.mouse.move(grab.x + 20, grab.y + dy, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId('notice')).toContainText('Explain & Convince is collapsed: expand it to move competencies into it.');
  await expect.poll(async () => Math.round((await box(page, 'SI.1')).y)).toBe(Math.round(before.y));
  expect(await domainShown(page)).toContain('Ask & Plan');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  expect(errors).toEqual([]);
});
