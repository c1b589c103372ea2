import { expect, type CDPSession, type Page } from '@playwright/test';
import { node, openApp } from './canvas-helpers';

/**
 * Touch gestures for a Chromebook in tablet mode (no mouse): Playwright's `touchscreen` only taps, so drags and
 * pinches go through the DevTools protocol (`Input.dispatchTouchEvent`), as a finger's touches reach the page.
 * Use with `test.use({ hasTouch: true, isMobile: false })`.
 */
export interface Point {
  x: number;
  y: number;
}

export async function touchSession(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** The fingers down now (each keeps its place in the list as its id); none = every finger lifted. */
export async function touches(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: readonly Point[]): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) });
}

/** One finger put down at `from`, drawn to `to` in `steps` moves, and lifted. */
export async function touchDrag(cdp: CDPSession, from: Point, to: Point, steps = 12): Promise<void> {
  await touches(cdp, 'touchStart', [from]);
  for (let i = 1; i <= steps; i++) await touches(cdp, 'touchMove', [{ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps }]);
  await touches(cdp, 'touchEnd', []);
}

/** Two fingers about `at`, `from` px apart, spread (or pinched) to `to` px apart. */
export async function pinch(cdp: CDPSession, at: Point, from: number, to: number, steps = 10): Promise<void> {
  const fingers = (d: number) => [{ x: at.x - d / 2, y: at.y }, { x: at.x + d / 2, y: at.y }];
  await touches(cdp, 'touchStart', fingers(from));
  for (let i = 1; i <= steps; i++) await touches(cdp, 'touchMove', fingers(from + ((to - from) * i) / steps));
  await touches(cdp, 'touchEnd', []);
}

export const middle = (b: { x: number; y: number; width: number; height: number }): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Opens the (draft) science example zoomed in on `code` (search, Enter: centred at a readable zoom). */
export async function openScienceAt(page: Page, code: string): Promise<void> {
  await openApp(page, '?open=/examples/student-science-inquiry.json');
  const search = page.getByPlaceholder('Search code or text');
  await search.fill(code);
  await search.press('Enter');
  await expect(node(page, code)).toBeInViewport();
  await page.waitForTimeout(700); // the glide to it
}
