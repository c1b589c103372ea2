import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { collapseView, topLevelDomains, visibleGraph } from '../../src-core/view/collapse';
import { collectErrors, mod, node, openApp, openGenerated, settle, shot } from './canvas-helpers';
import { openTab } from './standards-helpers';

type Fw = {
  domains: { id: string; title: string; code: string }[];
  competencies: Record<string, { id: string; code: string; domainId: string | null }>;
  prerequisites: Record<string, { from: string; to: string }>;
};
const fw = (JSON.parse(readFileSync('resources/examples/grade3-5-fractions.json', 'utf8')) as { framework: Fw }).framework;
const comps = Object.values(fw.competencies);
const links = Object.values(fw.prerequisites);
const domainOf = (id: string) => fw.competencies[id]!.domainId;
/** The two domains with the most links between them (both ways). */
const [A, B] = (() => {
  let best: [string, string] = [fw.domains[0]!.id, fw.domains[1]!.id];
  let most = -1;
  for (const a of fw.domains)
    for (const b of fw.domains) {
      if (a.id >= b.id) continue;
      const n = links.filter((l) => (domainOf(l.from) === a.id && domainOf(l.to) === b.id) || (domainOf(l.from) === b.id && domainOf(l.to) === a.id)).length;
      if (n > most) [most, best] = [n, [a.id, b.id]];
    }
  return best.map((id) => fw.domains.find((d) => d.id === id)!);
})() as [Fw['domains'][number], Fw['domains'][number]];
const inA = comps.filter((c) => c.domainId === A.id);
const inB = comps.filter((c) => c.domainId === B.id);
const between = links.filter((l) => domainOf(l.from) === A.id && domainOf(l.to) === B.id).length;
const reverse = links.filter((l) => domainOf(l.from) === B.id && domainOf(l.to) === A.id).length;

/** Every competency node's code and on-screen box, and every edge id: what a round trip must restore. */
async function canvasState(page: Page) {
  await settle(page);
  const nodes = await page.locator('.react-flow__node-competency').evaluateAll((els) =>
    els.map((el) => ({ code: el.querySelector('[data-code]')?.getAttribute('data-code'), transform: (el as HTMLElement).style.transform })).sort((a, b) => String(a.code).localeCompare(String(b.code))),
  );
  const edges = await page.locator('.react-flow__edge').evaluateAll((els) => els.map((el) => el.getAttribute('data-id')).sort());
  const viewport = await page.locator('.react-flow__viewport').getAttribute('style');
  return { nodes, edges, viewport };
}

test('collapse a domain into one node, aggregated links with counts, expand restores the map exactly; search reveals a hidden competency', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(comps.length);
  await expect(page.locator('.react-flow__edge')).toHaveCount(links.length);
  const before = await canvasState(page);

  // Collapse A from its lane header.
  await page.getByRole('button', { name: `Collapse domain ${A.title}` }).click();
  const groupA = page.locator(`[data-testid="collapsed-domain"][data-domain="${A.id}"]`);
  await expect(groupA).toBeVisible();
  await expect(groupA).toContainText(A.title);
  await expect(groupA.getByTestId('collapsed-domain-count')).toContainText(`${inA.length} competencies`);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(comps.length - inA.length);
  for (const c of inA) await expect(node(page, c.code)).toHaveCount(0);
  // links inside A vanish; links crossing its border become one edge per node pair
  const crossing = links.filter((l) => (domainOf(l.from) === A.id) !== (domainOf(l.to) === A.id));
  const pairs = new Set(crossing.map((l) => `${domainOf(l.from) === A.id ? 'A' : l.from}>${domainOf(l.to) === A.id ? 'A' : l.to}`));
  const untouched = links.filter((l) => domainOf(l.from) !== A.id && domainOf(l.to) !== A.id).length;
  await expect(page.locator('.react-flow__edge')).toHaveCount(untouched + pairs.size);
  await expect(page.locator('.react-flow__edge.edge-aggregated')).toHaveCount(pairs.size);
  // the lane header now offers to expand it
  await expect(page.getByRole('button', { name: `Expand domain ${A.title}` }).first()).toBeVisible();

  // Collapse B from the domains panel: one edge A → B labelled with the number of links.
  await page.getByRole('tab', { name: 'Scale & domains' }).click();
  const panel = page.getByRole('region', { name: 'Domains' });
  await expect(panel.getByRole('button', { name: `Expand domain ${A.title}` })).toBeVisible();
  await panel.getByRole('button', { name: `Collapse domain ${B.title}` }).click();
  await expect(page.locator('[data-testid="collapsed-domain"]')).toHaveCount(2);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(comps.length - inA.length - inB.length);
  const ab = page.locator(`.react-flow__edge[data-id="agg:domain:${A.id}>domain:${B.id}"]`);
  if (between > 0) await expect(ab.locator('.react-flow__edge-text')).toHaveText(String(between));
  const ba = page.locator(`.react-flow__edge[data-id="agg:domain:${B.id}>domain:${A.id}"]`);
  if (reverse > 0) await expect(ba.locator('.react-flow__edge-text')).toHaveText(String(reverse));
  await settle(page);
  await shot(page, 'collapse-two-domains');

  // Nothing was edited: no undo step, nothing unsaved.
  await expect(page.getByRole('button', { name: /^Undo/ })).toBeDisabled();

  // Expand both (double-click one collapsed node, the other's Expand button): the very same map as before.
  await groupA.locator('.collapsed-domain-count').dblclick();
  await expect(groupA).toHaveCount(0);
  await page.locator(`[data-testid="collapsed-domain"][data-domain="${B.id}"]`).getByRole('button', { name: `Expand domain ${B.title}` }).click();
  await expect(page.locator('[data-testid="collapsed-domain"]')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(comps.length);
  expect(await canvasState(page)).toEqual(before);

  // Shift+C collapses every domain; a search for a hidden competency reveals its domain only.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+C');
  await expect(page.locator('[data-testid="collapsed-domain"]')).toHaveCount(fw.domains.length);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(comps.filter((c) => !c.domainId).length);
  await settle(page);
  await shot(page, 'collapse-all');
  const target = inB[inB.length - 1]!;
  await page.keyboard.press(`${mod}+f`);
  await page.keyboard.type(target.code);
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText(target.code);
  await page.keyboard.press('Enter');
  await expect(node(page, target.code)).toBeVisible();
  await expect(page.locator('.cnode.is-selected')).toHaveAttribute('data-code', target.code);
  await expect(page.locator(`[data-testid="collapsed-domain"][data-domain="${B.id}"]`)).toHaveCount(0);
  await expect(page.locator('[data-testid="collapsed-domain"]')).toHaveCount(fw.domains.length - 1);

  // C collapses the selected competency's domain again, and it stays collapsed (the search is done).
  await page.keyboard.press('Escape'); // leaves the search box, keeps the selection
  await expect(page.locator('.cnode.is-selected')).toHaveAttribute('data-code', target.code);
  await page.keyboard.press('c');
  await expect(page.locator(`[data-testid="collapsed-domain"][data-domain="${B.id}"]`)).toHaveCount(1);
  await page.waitForTimeout(300);
  await expect(page.locator(`[data-testid="collapsed-domain"][data-domain="${B.id}"]`)).toHaveCount(1);
  await expect(page.locator('.cnode.is-selected')).toHaveCount(0);

  // Select all never selects something invisible: it shows every domain.
  await page.keyboard.press(`${mod}+a`);
  await expect(page.locator('[data-testid="collapsed-domain"]')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(comps.length);

  // Shift+C collapses all, again expands all; the help overlay documents both keys.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+C');
  await expect(page.locator('[data-testid="collapsed-domain"]')).toHaveCount(fw.domains.length);
  await page.keyboard.press('Shift+C');
  await expect(page.locator('[data-testid="collapsed-domain"]')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(comps.length);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Collapse all domains / expand all');
  expect(errors).toEqual([]);
});

const big = generateFramework({ competencies: 2500, seed: 11 });
const BIG_FILE = serializeFramework(big);

async function viewport(page: Page) {
  return page.evaluate(() => {
    const r = document.querySelector('.react-flow')!.getBoundingClientRect();
    const t = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
    const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(t)!;
    return { box: { x: r.x, y: r.y, width: r.width, height: r.height }, tx: Number(m[1]), ty: Number(m[2]), k: Number(m[3]) };
  });
}

/** Opens the generated 2,500-competency map (served from memory) and waits until it is drawn. */
async function openBigMap(page: Page) {
  await openGenerated(page, 'collapse.json', BIG_FILE, big.title);
  await settle(page);
}

/** Where a competency card is drawn in the pane (pane coordinates) at viewport `v`. */
function cardOnScreen(c: { position: { x: number; y: number } }, v: Awaited<ReturnType<typeof viewport>>) {
  return { x: c.position.x * v.k + v.tx, y: c.position.y * v.k + v.ty, width: 240 * v.k, height: 112 * v.k };
}

test('a 2,500-competency map: a collapsed domain is one block on the zoomed-out overview; Collapse all leaves one node per domain for React Flow', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openBigMap(page);
  await expect(page.getByTestId('canvas-overview')).toBeVisible();

  await page.getByRole('tab', { name: 'Scale & domains' }).click();
  await settle(page);
  const v = await viewport(page);
  // a domain whose collapsed block will be in view (the fitted 2,500 map is taller than the screen at minimum zoom)
  const SIZES = { competency: { width: 240, height: 112 }, group: { width: 280, height: 112 } };
  const centre = (p: { x: number; y: number }) => ({ x: v.tx + (p.x + 140) * v.k, y: v.ty + (p.y + 56) * v.k });
  const d = big.domains.find((x) => {
    const c = centre(collapseView(big, [x.id], SIZES).groups[0]!.position);
    return c.x > 20 && c.y > 20 && c.x < v.box.width - 200 && c.y < v.box.height - 140;
  })!;
  expect(d, 'some domain block lands in view').toBeTruthy();
  await page.getByRole('region', { name: 'Domains' }).getByRole('button', { name: `Collapse domain ${d.title}`, exact: true }).click();
  await settle(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // the overview paints the collapsed domain as one block in its colour, where its competencies were
  // (sampled below its centre, clear of its white label)
  const mid = centre(collapseView(big, [d.id], SIZES).groups[0]!.position);
  const at = { x: mid.x, y: mid.y + 11 };
  const px = await page.evaluate(({ x, y }) => {
    const canvas = document.querySelector('[data-testid="canvas-overview"]') as HTMLCanvasElement;
    const s = canvas.width / canvas.getBoundingClientRect().width;
    return [...canvas.getContext('2d')!.getImageData(Math.floor(x * s), Math.floor(y * s), 1, 1).data];
  }, at);
  const hex = d.color.replace('#', '');
  const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  expect(px[3]).toBe(255);
  for (let i = 0; i < 3; i++) expect(Math.abs(px[i]! - rgb[i]!)).toBeLessThanOrEqual(3);
  await shot(page, 'collapse-overview-one');

  // Collapse all: React Flow gets one node per domain (plus its lanes) and one edge per connected pair
  await page.getByRole('button', { name: 'Collapse all' }).click();
  const all = visibleGraph(big, topLevelDomains(big.domains));
  await expect(page.getByTestId('canvas-overview')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-collapsedDomain')).toHaveCount(big.domains.length);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(all.edges.length);
  expect(all.edges.reduce((t, e) => t + e.count, 0)).toBeLessThanOrEqual(big.prerequisites.size);
  await settle(page);
  await shot(page, 'collapse-overview-all');
  // zoomed this far out, each domain is still a readable card (not a speck): name and count, 150 px wide
  // or as big as its lane allows
  expect(v.k * 280).toBeLessThan(150);
  const card = page.locator('.collapsed-domain').first();
  await expect(card.locator('.collapsed-domain-count')).toBeVisible();
  await expectReadable(page);
  // the minimap stays the painted one (domains as dots), not React Flow's framing the lanes around specks
  await expect(page.locator('[data-testid="rf__minimap"] canvas')).toHaveCount(1);

  // Expand all (Shift+C): back to the overview of every competency, the view where it was
  const before = await viewport(page);
  await page.keyboard.press('Shift+C');
  await expect(page.locator('.react-flow__node-collapsedDomain')).toHaveCount(0);
  await expect(page.getByTestId('canvas-overview')).toBeVisible();
  expect(await viewport(page)).toEqual(before);
  expect(errors).toEqual([]);
});

/** On-screen boxes of the visible collapsed cards (clipped to the canvas) and lane labels (clipped to their strip beside it). */
async function cardsAndLabels(page: Page) {
  return page.evaluate(() => {
    const clipTo = (box: DOMRect | undefined) => (el: Element) => {
      const r = el.getBoundingClientRect();
      const pane = box ?? r;
      return { left: Math.max(r.left, pane.left), top: Math.max(r.top, pane.top), right: Math.min(r.right, pane.right), bottom: Math.min(r.bottom, pane.bottom), width: r.width };
    };
    const clip = clipTo(document.querySelector('.react-flow')!.getBoundingClientRect());
    const visible = (r: { left: number; top: number; right: number; bottom: number }) => r.right > r.left && r.bottom > r.top;
    const cards = [...document.querySelectorAll('[data-testid="collapsed-domain"]')].map((el) => ({ id: el.getAttribute('data-domain'), ...clip(el) })).filter(visible);
    const strip = clipTo(document.querySelector('.lane-labels')?.getBoundingClientRect());
    const labels = [...document.querySelectorAll('.lane-labels .lane-label')].map((el) => ({ id: el.textContent, ...strip(el) })).filter(visible);
    return { cards, labels };
  });
}
type Box = { left: number; top: number; right: number; bottom: number };
const intersect = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** No two visible collapsed cards overlap, and no visible lane label lies on one. */
async function expectCardsClear(page: Page, when: string) {
  const { cards, labels } = await cardsAndLabels(page);
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) expect(intersect(cards[i]!, cards[j]!), `${when}: cards ${cards[i]!.id} and ${cards[j]!.id} overlap`).toBe(false);
    for (const l of labels) expect(intersect(cards[i]!, l), `${when}: label ${l.id} lies on card ${cards[i]!.id}`).toBe(false);
  }
  return { cards, labels };
}

/**
 * Every collapsed card wholly in view is as readable as its room allows: at least 150 px wide, or as
 * wide or as tall as its lane (less the 4 px kept clear each side and a 2 % scale step).
 */
async function expectReadable(page: Page) {
  const sizes = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return [...document.querySelectorAll('[data-testid="collapsed-domain"]')].flatMap((el) => {
      const c = el.getBoundingClientRect();
      const lane = document.querySelector(`.react-flow__node-lane[data-id="lane:${el.getAttribute('data-domain')}"]`)?.getBoundingClientRect();
      if (!lane || c.left < pane.left || c.top < pane.top || c.right > pane.right || c.bottom > pane.bottom) return [];
      return [{ id: el.getAttribute('data-domain'), card: { width: c.width, height: c.height }, lane: { width: lane.width, height: lane.height } }];
    });
  });
  expect(sizes.length).toBeGreaterThan(0);
  for (const { id, card, lane } of sizes) {
    const fills = (c: number, l: number) => c >= (l - 8) * 0.97 - 1;
    expect(card.width >= 149 || fills(card.width, lane.width) || fills(card.height, lane.height), `card ${id} ${JSON.stringify(card)} in lane ${JSON.stringify(lane)}`).toBe(true);
  }
}

test('Collapse all on the 2,500-competency map, fitted and zoomed: the enlarged cards never overlap each other nor sit under a lane label', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openBigMap(page);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+C');
  await expect(page.locator('.react-flow__node-collapsedDomain')).toHaveCount(big.domains.length);
  await page.keyboard.press('f');
  await settle(page);
  const fitted = await expectCardsClear(page, 'fitted');
  expect(fitted.cards).toHaveLength(big.domains.length);
  // readable: enlarged well past their own size (about 10 px wide at this zoom), most of them to the full 150 px
  const v = await viewport(page);
  expect(v.k * 280).toBeLessThan(16);
  for (const c of fitted.cards) expect(c.width, `card ${c.id}`).toBeGreaterThan(60);
  await expectReadable(page);
  // each card names its domain; the lanes repeat no name over them (their headers are in the strip beside the map)
  for (const d of big.domains) await expect(page.locator(`[data-testid="collapsed-domain"][data-domain="${d.id}"] .collapsed-domain-title`)).toHaveText(d.title);
  const map = (await page.locator('.react-flow').boundingBox())!;
  for (const l of fitted.labels) expect(l.right, `label ${l.id} over the map`).toBeLessThanOrEqual(map.x + 0.5);
  await shot(page, 'collapse-all-fitted');
  // zooming in step by step: still clear
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 5; i++) {
    await page.mouse.wheel(0, -250);
    await settle(page);
    await expectCardsClear(page, `zoom step ${i + 1}`);
  }
  // the card still expands its domain
  const d = fitted.cards[0]!.id!;
  await page.keyboard.press('f');
  await settle(page);
  await page.locator(`[data-testid="collapsed-domain"][data-domain="${d}"]`).getByRole('button', { name: /^Expand domain / }).click();
  await expect(page.locator('[data-testid="collapsed-domain"]')).toHaveCount(big.domains.length - 1);
  expect(errors).toEqual([]);
});

test('some domains collapsed, zoomed out: their cards stay clear of each other and of the other lanes’ labels', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  for (const d of [fw.domains[0]!, fw.domains[2]!, fw.domains[3]!]) await page.getByRole('button', { name: `Collapse domain ${d.title}`, exact: true }).click();
  await expect(page.locator('[data-testid="collapsed-domain"]')).toHaveCount(3);
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, 200);
    await settle(page);
    // the expanded domains keep their names
    expect((await expectCardsClear(page, `zoom out step ${i + 1}`)).labels.length).toBeGreaterThanOrEqual(fw.domains.length - 3);
  }
  await expect(page.locator('[data-testid="collapsed-domain"][data-far]').first()).toBeVisible();
  await shot(page, 'collapse-some-zoomed-out');
  expect(errors).toEqual([]);
});

test('a link jump in the inspector to a competency inside a collapsed domain expands that domain', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  // a link from another domain's competency into A: collapse A, select the dependent, jump to its prerequisite
  const link = links.find((l) => domainOf(l.from) === A.id && domainOf(l.to) !== A.id)!;
  const from = fw.competencies[link.from]!;
  const to = fw.competencies[link.to]!;
  await page.getByRole('button', { name: `Collapse domain ${A.title}` }).click();
  await expect(node(page, from.code)).toHaveCount(0);
  await node(page, to.code).click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.locator('.panel-title')).toHaveText(to.code);
  await inspector.locator('.link-jump', { hasText: from.code }).click();
  await expect(node(page, from.code)).toBeVisible();
  await expect(page.locator('.cnode.is-selected')).toHaveAttribute('data-code', from.code);
  await expect(page.locator(`[data-testid="collapsed-domain"][data-domain="${A.id}"]`)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a collapsed domain sums its competencies’ problems; picking a problem in the Problems panel expands it', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?open=/fixtures/frameworks/cycle.json');
  await expect(node(page, 'NF.4')).toBeVisible();
  const badges = await page.getByTestId('problem-badge').allInnerTexts();
  const total = badges.reduce((t, b) => t + Number(b.trim()), 0);
  await page.getByRole('button', { name: /^Collapse domain / }).first().click();
  const group = page.getByTestId('collapsed-domain');
  await expect(group).toHaveCount(1);
  await expect(group.getByTestId('collapsed-problems')).toHaveText(String(total));
  await expect(group.getByTestId('collapsed-problems')).toHaveClass(/badge-error/);
  await expect(node(page, 'NF.2')).toHaveCount(0);

  await openTab(page, 'Problems');
  await page.getByTestId('problems-panel').locator('[data-testid=problem][data-code="prerequisite-cycle"]').click();
  await expect(group).toHaveCount(0);
  for (const code of ['NF.2', 'NF.3', 'NF.4']) await expect(node(page, code).locator('.cnode')).toHaveClass(/is-selected/);
  expect(errors).toEqual([]);
});

test('Alt+click on a domain’s chevron shows only that domain', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByRole('button', { name: `Collapse domain ${A.title}` }).click({ modifiers: ['Alt'] });
  await expect(page.locator('[data-testid="collapsed-domain"]')).toHaveCount(fw.domains.length - 1);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(inA.length + comps.filter((c) => !c.domainId).length);
  for (const c of inA) await expect(node(page, c.code)).toBeVisible();
  expect(errors).toEqual([]);
});

test('a box selection (Shift+drag) over the zoomed-out overview selects the competencies under it; a nudge moves them', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openBigMap(page);
  await expect(page.getByTestId('canvas-overview')).toBeVisible();
  const v = await viewport(page);
  // a box in the middle of the pane, and what it covers (cards it touches), from the file
  const box = { x: v.box.width * 0.3, y: v.box.height * 0.3, width: 220, height: 160 };
  const under = Object.values(big.competencies).filter((c) => {
    const r = cardOnScreen(c, v);
    return r.x < box.x + box.width && r.x + r.width > box.x && r.y < box.y + box.height && r.y + r.height > box.y;
  });
  expect(under.length, 'the box covers some competencies').toBeGreaterThan(1);
  await page.keyboard.down('Shift');
  await page.mouse.move(v.box.x + box.x, v.box.y + box.y);
  await page.mouse.down();
  await page.mouse.move(v.box.x + box.x + box.width / 2, v.box.y + box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(v.box.x + box.x + box.width, v.box.y + box.y + box.height, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.getByRole('heading', { name: `${under.length} competencies selected` })).toBeVisible();
  // the selection is editable from the overview: a nudge moves them all, one undo step
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /nudge/);
  expect(errors).toEqual([]);
});

test('opening a map too big for the usual minimum zoom shows it whole (zoomed out below 0.1), and so does Fit (F) after zooming in', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openBigMap(page);
  const inView = (v: Awaited<ReturnType<typeof viewport>>) =>
    Object.values(big.competencies).filter((c) => {
      const r = cardOnScreen(c, v);
      return r.x >= -0.5 && r.y >= -0.5 && r.x + r.width <= v.box.width + 0.5 && r.y + r.height <= v.box.height + 0.5;
    }).length;
  const all = Object.keys(big.competencies).length;
  const opened = await viewport(page);
  expect(opened.k).toBeLessThan(0.1);
  expect(inView(opened)).toBe(all);
  await expect(page.getByTestId('canvas-overview')).toBeVisible();
  // zoomed in, only part of the map shows; F shows all of it again
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -1500);
  await settle(page);
  expect(inView(await viewport(page))).toBeLessThan(all);
  await pane.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('f');
  await settle(page);
  const fitted = await viewport(page);
  expect(fitted.k).toBeLessThan(0.1);
  expect(inView(fitted)).toBe(all);
  expect(errors).toEqual([]);
});

test('double-clicking a collapsed domain expands it: its block on the zoomed-out overview, and its card on the full canvas', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openBigMap(page);
  await expect(page.getByTestId('canvas-overview')).toBeVisible();
  await page.getByRole('tab', { name: 'Scale & domains' }).click();
  const panel = page.getByRole('region', { name: 'Domains' });
  await settle(page);
  const v = await viewport(page);
  const SIZES = { competency: { width: 240, height: 112 }, group: { width: 280, height: 112 } };
  // the middle domain: its block is well inside the view and clear of the others
  const d = big.domains[Math.floor(big.domains.length / 2)]!;
  await panel.getByRole('button', { name: `Collapse domain ${d.title}`, exact: true }).click();
  await settle(page);
  await expect(page.getByTestId('canvas-overview')).toBeVisible();
  await expect(page.getByTestId('canvas-overview')).toHaveAttribute('aria-label', /1 domains collapsed/);
  const g = collapseView(big, [d.id], SIZES).groups[0]!.position;
  const mid = { x: v.box.x + v.tx + (g.x + 140) * v.k, y: v.box.y + v.ty + (g.y + 56) * v.k };
  await page.mouse.dblclick(mid.x, mid.y + 8);
  await expect(panel.getByRole('button', { name: `Collapse domain ${d.title}`, exact: true })).toBeVisible();
  await expect(page.getByTestId('canvas-overview')).not.toHaveAttribute('aria-label', /collapsed/);
  // nothing was added where the double-click landed (on the bare pane it adds a competency)
  await expect(page.getByRole('button', { name: /^Undo/ })).toBeDisabled();

  // Collapse all: React Flow draws one card per domain (enlarged, this far out); a double-click on one expands it
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(page.locator('.react-flow__node-collapsedDomain')).toHaveCount(big.domains.length);
  await settle(page);
  const card = page.locator(`[data-testid="collapsed-domain"][data-domain="${d.id}"]`);
  await expect(card).toHaveAttribute('data-far', '');
  await card.locator('.collapsed-domain-title').dblclick();
  await expect(card).toHaveCount(0);
  await expect(page.locator('[data-testid="collapsed-domain"]')).toHaveCount(big.domains.length - 1);
  await expect(panel.getByRole('button', { name: `Collapse domain ${d.title}`, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Undo/ })).toBeDisabled();
  expect(errors).toEqual([]);
});
