import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { centredAndSelected, collectErrors, findFirstBySearch, mod, node, openApp, openGenerated, searchAndPick, shot } from './canvas-helpers';
import { openTab } from './standards-helpers';

const fw = (JSON.parse(readFileSync('resources/examples/grade3-5-fractions.json', 'utf8')) as {
  framework: { competencies: Record<string, { id: string; code: string; statement: string }>; prerequisites: Record<string, { from: string; to: string }> };
}).framework;
const comps = Object.values(fw.competencies);
const links = Object.values(fw.prerequisites);
/** A competency with prerequisites and dependents, and a word of its statement to search for. */
const target = comps.find((c) => links.some((l) => l.to === c.id) && links.some((l) => l.from === c.id))!;
const word = target.statement.split(/\s+/).find((w) => w.length > 6 && comps.filter((c) => c.statement.includes(w)).length === 1) ?? target.code;

function within(depth: number): number {
  const seen = new Set([target.id]);
  for (const dir of ['up', 'down'] as const) {
    let frontier = [target.id];
    const mark = new Set([target.id]);
    for (let d = 0; d < depth; d++) {
      const next: string[] = [];
      for (const id of frontier)
        for (const l of links) {
          const [a, b] = dir === 'up' ? [l.to, l.from] : [l.from, l.to];
          if (a === id && !mark.has(b)) {
            mark.add(b);
            seen.add(b);
            next.push(b);
          }
        }
      frontier = next;
    }
  }
  return seen.size;
}

test('search by text centres the match; focus mode shows N levels of prerequisites and dependents', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await expect(page.locator('.react-flow__node-competency')).toHaveCount(comps.length);

  await page.keyboard.press(`${mod}+f`);
  await expect(page.getByLabel('Search competencies')).toBeFocused();
  await page.keyboard.type(word);
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option').first()).toContainText(target.code);
  await shot(page, 'search');
  await page.keyboard.press('Enter');

  await expect(page.locator('.cnode.is-selected')).toHaveCount(1);
  await expect(page.locator('.cnode.is-selected')).toHaveAttribute('data-code', target.code);
  await expect(page.getByTestId('inspector').locator('.panel-title')).toHaveText(target.code);
  // Centred: the node sits in the middle of the canvas after the animation.
  await expect
    .poll(async () => {
      const n = await node(page, target.code).boundingBox();
      const c = await page.getByTestId('canvas').boundingBox();
      return n && c ? Math.abs(n.x + n.width / 2 - (c.x + c.width / 2)) < 40 && Math.abs(n.y + n.height / 2 - (c.y + c.height / 2)) < 40 : false;
    })
    .toBe(true);

  // Code search works too (exact code first).
  await page.getByLabel('Search competencies').fill(comps[0]!.code);
  await expect(results.getByRole('option').first()).toContainText(comps[0]!.code);
  await page.getByLabel('Search competencies').fill('');
  await page.getByLabel('Search competencies').blur();

  await page.getByRole('button', { name: 'Focus' }).click();
  await page.getByLabel('Focus depth').fill('1');
  await expect(page.locator('.cnode:not(.is-dimmed)')).toHaveCount(within(1));
  await expect(page.locator('.cnode.is-dimmed')).toHaveCount(comps.length - within(1));
  await shot(page, 'focus-depth1');
  await page.getByLabel('Focus depth').fill('3');
  await expect(page.locator('.cnode:not(.is-dimmed)')).toHaveCount(within(3));

  await page.getByLabel('Focus depth').blur();
  await page.keyboard.press('Escape');
  await expect(page.locator('.cnode.is-dimmed')).toHaveCount(0);

  // Tab walks between competencies from the keyboard.
  await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Tab');
  await expect(page.locator('.cnode.is-selected')).toHaveCount(1);
  const first = await page.locator('.cnode.is-selected').getAttribute('data-code');
  await page.keyboard.press('Tab');
  await expect(page.locator('.cnode.is-selected')).not.toHaveAttribute('data-code', first!);

  // The help overlay lists the shortcuts.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Auto-layout');
  await page.waitForTimeout(250); // fade-in, for the screenshot only
  await shot(page, 'help');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  // Theme: follows the system by default; the toolbar button cycles light → dark → system.
  await page.getByRole('button', { name: 'Theme: system' }).click();
  await page.getByRole('button', { name: 'Theme: light' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 23, 28)');
  await shot(page, 'dark-theme');
  await page.getByRole('button', { name: 'Theme: dark' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);

  expect(errors).toEqual([]);
});

test('the results list stays open when the search box is left and found again at once; a click picks a result', async ({ page }) => {
  // The page clock is frozen and stepped by hand below: a close the blur left on a timer has surely run.
  await page.clock.install();
  await openApp(page);
  const box = page.getByLabel('Search competencies');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await page.keyboard.press(`${mod}+f`);
  await box.fill(comps[0]!.code);
  await expect(results.getByRole('option').first()).toContainText(comps[0]!.code);
  // a click elsewhere, then straight back with Ctrl+F and a new query, all within a frozen moment
  await page.clock.pauseAt(Date.now() + 1000);
  await box.blur();
  await page.keyboard.press(`${mod}+f`);
  await box.fill(word);
  await page.clock.runFor(1000);
  await expect(results.getByRole('option').first()).toContainText(target.code);
  await page.clock.resume();
  await results.getByRole('option').first().click();
  await expect(page.locator('.cnode.is-selected')).toHaveAttribute('data-code', target.code);
  await expect(results).toHaveCount(0);
  await expect(box).toBeFocused();
});

// A map laid out over many screens: selecting a far search result jumps there (no long animated pan)
// and the competency ends up on screen, centred and selected.
const big = generateFramework({ competencies: 2500, seed: 21 });
const bigComps = Object.values(big.competencies);
const findable = findFirstBySearch(bigComps);
/** Two competencies at opposite corners of the map. */
const byCorner = bigComps.filter(findable).sort((a, b) => a.position.x + a.position.y - (b.position.x + b.position.y));
const [west, east] = [byCorner[0]!, byCorner[byCorner.length - 1]!];

test('a far search result is shown at once: on screen, centred, selected and briefly highlighted', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openGenerated(page, 'search-2500.json', serializeFramework(big), big.title);

  await searchAndPick(page, west.code);
  await centredAndSelected(page, west.code);
  // from one end of the map to the other: a jump, then the card pulses so the eye finds it
  await page.evaluate(() => {
    const w = window as unknown as { found: string[] };
    w.found = [];
    new MutationObserver((ms) => {
      for (const m of ms) if ((m.target as Element).classList.contains('is-found')) w.found.push((m.target as Element).getAttribute('data-code') ?? '');
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'] });
  });
  await searchAndPick(page, east.code);
  await expect.poll(() => page.evaluate(() => (window as unknown as { found: string[] }).found)).toContain(east.code);
  await centredAndSelected(page, east.code);
  await shot(page, 'search-far-jump');

  // the search still finds a competency after its text was edited (the box keeps its query meanwhile)
  await openTab(page, 'Inspector');
  await page.locator('#field-statement').fill('Compares zebra crossings');
  await page.locator('#field-statement').blur();
  await searchAndPick(page, 'zebra crossings');
  await expect(page.getByRole('listbox', { name: 'Search results' })).toHaveCount(0);
  await centredAndSelected(page, east.code);
  expect(errors).toEqual([]);
});
