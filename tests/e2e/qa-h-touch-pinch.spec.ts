import { expect, test, type Page } from '@playwright/test';
import { collectErrors, flowView, node } from './canvas-helpers';
import { middle, openScienceAt, pinch, touches, touchSession } from './qa-h-touch-helpers';

// A Chromebook in tablet mode (touch, no mouse). Two fingers spread on the map zoom it — but only where both
// landed on the empty map: zoomed in, where cards fill the screen, a pinch starting on a card did nothing at all
// (the card's drag had the finger). Now a pinch zooms wherever it starts, and a card the first finger had begun
// to drag goes back: nothing moves, no undo step.
test.use({ viewport: { width: 1280, height: 800 }, hasTouch: true, isMobile: false });

test('two fingers spread on a card zoom the map about them; the card stays where it is on the map', async ({ page }) => {
  const errors = collectErrors(page);
  await openScienceAt(page, 'SI.2');
  const cdp = await touchSession(page);
  const before = await flowView(page);
  const card = (await node(page, 'SI.2').boundingBox())!;
  const at = middle(card);
  await pinch(cdp, at, 40, 80);
  const after = await flowView(page);
  expect(after.k / before.k).toBeCloseTo(2, 1);
  // the map point between the fingers stayed between them: the card grew about its middle
  const grown = (await node(page, 'SI.2').boundingBox())!;
  expect(Math.abs(middle(grown).x - at.x)).toBeLessThan(3);
  expect(Math.abs(middle(grown).y - at.y)).toBeLessThan(3);
  // pinched back in, on the card again
  await page.waitForTimeout(600);
  await pinch(cdp, at, 120, 60);
  expect((await flowView(page)).k / after.k).toBeCloseTo(0.5, 1);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  expect(errors).toEqual([]);
});

test('a card the first finger began to drag goes back when a second finger makes it a pinch: no move, no undo step', async ({ page }) => {
  const errors = collectErrors(page);
  await openScienceAt(page, 'SI.2');
  const cdp = await touchSession(page);
  const before = await flowView(page);
  const card = (await node(page, 'SI.2').boundingBox())!;
  const a = middle(card);
  // one finger drags the card (it follows)…
  await touches(cdp, 'touchStart', [a]);
  for (let i = 1; i <= 8; i++) await touches(cdp, 'touchMove', [{ x: a.x + i * 5, y: a.y }]);
  await expect.poll(async () => (await node(page, 'SI.2').boundingBox())!.x - card.x).toBeGreaterThan(10);
  // …then a second finger lands on the empty map beside it, and the two spread
  const a1 = { x: a.x + 40, y: a.y };
  const b = { x: a1.x + 60, y: a.y + 140 };
  await touches(cdp, 'touchStart', [a1, b]);
  for (let i = 1; i <= 8; i++) await touches(cdp, 'touchMove', [{ x: a1.x - i * 5, y: a1.y - i * 5 }, { x: b.x + i * 5, y: b.y + i * 5 }]);
  await touches(cdp, 'touchEnd', []);
  const after = await flowView(page);
  expect(after.k).toBeGreaterThan(before.k * 1.2);
  // the card is back at its place on the map (where it is on screen follows the new zoom)
  const box = (await node(page, 'SI.2').boundingBox())!;
  const onMap = (b: { x: number; y: number }, v: typeof before) => ({ x: (b.x - v.box.x - v.tx) / v.k, y: (b.y - v.box.y - v.ty) / v.k });
  expect(onMap(box, after).x).toBeCloseTo(320, 0); // SI.2's place in the example
  expect(onMap(box, after).y).toBeCloseTo(0, 0);
  expect(onMap(card, before).x).toBeCloseTo(320, 0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  // and the next drag of the card by one finger moves it, as one undo step
  await page.waitForTimeout(600);
  const start = middle(box);
  await touches(cdp, 'touchStart', [start]);
  for (let i = 1; i <= 8; i++) await touches(cdp, 'touchMove', [{ x: start.x + i * 6, y: start.y }]);
  await touches(cdp, 'touchEnd', []);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  expect(((await node(page, 'SI.2').boundingBox())!.x - box.x)).toBeGreaterThan(15);
  expect(errors).toEqual([]);
});

test('a pinch with one finger on the empty map and the other on a card zooms too', async ({ page }) => {
  await openScienceAt(page, 'SI.2');
  const cdp = await touchSession(page);
  const before = await flowView(page);
  const card = (await node(page, 'SI.2').boundingBox())!;
  const a = { x: card.x - 40, y: card.y + card.height / 2 }; // the empty map left of the card
  const b = { x: card.x + 60, y: card.y + card.height / 2 }; // on the card
  expect(await page.evaluate(([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('.react-flow__node'), [a.x, a.y])).toBe(false);
  await touches(cdp, 'touchStart', [a]);
  await touches(cdp, 'touchStart', [a, b]);
  for (let i = 1; i <= 8; i++) await touches(cdp, 'touchMove', [{ x: a.x - i * 5, y: a.y }, { x: b.x + i * 5, y: b.y }]);
  await touches(cdp, 'touchEnd', []);
  expect((await flowView(page)).k / before.k).toBeCloseTo(180 / 100, 1);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
