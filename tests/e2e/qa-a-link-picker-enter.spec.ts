import { expect, test } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { collectErrors, openGenerated } from './canvas-helpers';

// On a big map the inspector's link pickers have a search field: type a competency's code and press
// Enter to link it (before, Enter did nothing and the list below had to be opened and the Link button pressed).
const big = generateFramework({ competencies: 420, seed: 9 });
const comps = Object.values(big.competencies);
const links = [...big.prerequisites.values()];

/** A competency and another that can become its prerequisite: not linked yet, and no path from the first to it. */
function pair() {
  const out = new Map<string, string[]>();
  for (const l of links) out.set(l.from, [...(out.get(l.from) ?? []), l.to]);
  for (const x of comps) {
    const below = new Set<string>([x.id]);
    const stack: string[] = [x.id];
    while (stack.length) for (const n of out.get(stack.pop()!) ?? []) if (!below.has(n)) below.add(n), stack.push(n);
    const codes = new Set(comps.map((c) => c.code));
    const y = comps.find((c) => !below.has(c.id) && !links.some((l) => l.from === c.id && l.to === x.id) && ![...codes].some((k) => k !== c.code && k.startsWith(c.code)));
    if (y) return { x, y };
  }
  throw new Error('no pair');
}

test('a prerequisite is linked from the inspector by typing its code and pressing Enter', async ({ page }) => {
  const errors = collectErrors(page);
  const { x, y } = pair();
  await openGenerated(page, 'state.json', serializeFramework(big), big.title);
  const search = page.getByPlaceholder('Search code or text');
  await search.fill(x.code);
  await search.press('Enter');
  await expect(page.locator('#field-code')).toHaveValue(x.code);
  const find = page.getByLabel('Find a prerequisite');
  await find.fill(y.code);
  await find.press('Enter');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', new RegExp(`link ${y.code.replace(/\./g, '\\.')} → ${x.code.replace(/\./g, '\\.')}`));
  await expect(page.locator('section[aria-label="Prerequisites"] .link-row', { hasText: y.code })).toBeVisible();
  await expect(find).toHaveValue('');
  expect(errors).toEqual([]);
});
