import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { addCompetency, collectErrors, newFramework, node, openApp } from './canvas-helpers';
import { autosaveEverySecond, journalRecords, journalTexts } from './recovery-helpers';

// Several tabs of the browser build in one browser (one context: one localStorage, IndexedDB and lock
// manager). The journal of a tab that is still open is never offered to another; once the tab is gone, it is.

/** What the app would offer to restore in `page` now (the list behind the "Restore unsaved work" dialog). */
function offered(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await window.host!.listRecovery()).map((e) => e.title || e.name).sort());
}

/** A tab with autosave every second (so its journal is written soon), its errors collected. */
async function tab(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectErrors(page);
  await autosaveEverySecond(page);
  return { page, errors };
}

test('a background tab whose timers are stopped keeps its unsaved work to itself; once it is closed, the work is offered', async ({ context }) => {
  const a = await tab(context);
  await a.page.clock.install(); // A's timers and clock, to stop them below
  await openApp(a.page);
  await newFramework(a.page);
  await addCompetency(a.page, 'A.1', 'Edited in the background tab');
  await expect(a.page.getByTestId('dirty-mark')).toBeVisible();
  await expect.poll(async () => (await journalRecords(a.page)).length).toBe(1);
  // the browser throttles A (a tab hidden for minutes): no timer of A fires any more, no heartbeat
  await a.page.clock.pauseAt(Date.now() + 1000);

  // tab B starts ten minutes later (its clock ahead): A's last heartbeat is long stale
  const b = await tab(context);
  await b.page.clock.install({ time: Date.now() + 10 * 60_000 });
  await openApp(b.page);
  const stale = await b.page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('progressions.alive.'))
      .map((k) => Date.now() - Number(localStorage.getItem(k))),
  );
  expect(stale.some((age) => age > 5 * 60_000)).toBe(true);
  // … but A holds its lock: B does not offer A's work
  expect(await offered(b.page)).toEqual([]);
  await expect(b.page.getByRole('dialog', { name: 'Restore unsaved work' })).toHaveCount(0);
  await expect(node(a.page, 'A.1')).toBeVisible(); // A is still there, with its edits

  // A is closed: B's next start offers A's work, and restores it
  await a.page.close({ runBeforeUnload: true });
  await expect.poll(() => a.page.isClosed()).toBe(true);
  await expect.poll(() => offered(b.page)).toEqual(['Untitled framework']);
  await b.page.reload();
  const offer = b.page.getByRole('dialog', { name: 'Restore unsaved work' });
  await expect(offer).toContainText('Untitled framework');
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(node(b.page, 'A.1')).toBeVisible();
  await expect(b.page.getByTestId('dirty-mark')).toBeVisible();
  expect(b.errors).toEqual([]);
  expect(a.errors).toEqual([]);
});

const TITLE = 'Grade 3 Fractions & Time';

test('two tabs with the same file: neither offers the other’s work; after one crashes, a new tab offers its work and not the live one’s', async ({ context }) => {
  const a = await tab(context);
  const b = await tab(context);
  // both open the same (draft) framework file and edit it
  const file = '?open=/fixtures/exports-small.framework.json';
  await openApp(a.page, file);
  await openApp(b.page, file);
  await expect(a.page.getByText(TITLE).first()).toBeVisible();
  await expect(b.page.getByText(TITLE).first()).toBeVisible();
  await addCompetency(a.page, 'A.1', 'Edited in tab A');
  await addCompetency(b.page, 'B.1', 'Edited in tab B');
  // both journals hold the latest edits (a crash loses what came after the last autosave)
  const edited = async () => (await journalTexts(a.page)).map((t) => (t.includes('"A.1"') ? 'A' : t.includes('"B.1"') ? 'B' : '?')).sort();
  await expect.poll(edited).toEqual(['A', 'B']);
  expect(await offered(a.page)).toEqual([]);
  expect(await offered(b.page)).toEqual([]);

  // A's renderer crashes (no pagehide: its heartbeat note stays as fresh as it was); the browser releases its lock
  const cdp = await context.newCDPSession(a.page);
  const crashed = a.page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;

  const c = await tab(context);
  await openApp(c.page);
  const offer = c.page.getByRole('dialog', { name: 'Restore unsaved work' });
  await expect(offer.getByRole('listitem')).toHaveCount(1); // A's, not B's: B is open
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(c.page.getByText(TITLE).first()).toBeVisible();
  await expect(node(c.page, 'A.1')).toBeVisible();
  await expect(node(c.page, 'B.1')).toHaveCount(0);
  // B still has its own work, journalled, and offers nothing
  await expect(node(b.page, 'B.1')).toBeVisible();
  expect(await offered(b.page)).toEqual([]);
  expect(b.errors).toEqual([]);
  expect(c.errors).toEqual([]);
});
