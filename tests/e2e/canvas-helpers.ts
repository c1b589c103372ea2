import { expect, type Locator, type Page } from '@playwright/test';

/** Console errors and page errors seen during a test (asserted empty at the end of each journey). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Opens the app and waits for the canvas. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await expect(page.getByTestId('canvas')).toBeVisible();
}

/** Starts a new, empty framework (the example is open and clean at start). */
export async function newFramework(page: Page): Promise<void> {
  await page.getByTitle('New framework').click();
  await expect(page.getByTestId('empty-canvas')).toBeVisible();
}

/** The React Flow container (page pixels) and its viewport transform: translate (tx, ty), zoom k. */
export interface FlowView {
  box: { x: number; y: number; width: number; height: number };
  tx: number;
  ty: number;
  k: number;
}

/** Where the canvas is and how its viewport is panned and zoomed, read from the DOM. */
export async function flowView(page: Page): Promise<FlowView> {
  return page.evaluate(() => {
    const r = document.querySelector('.react-flow')!.getBoundingClientRect();
    const t = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
    const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(t);
    if (!m) throw new Error(`unexpected viewport transform ${t}`);
    return { box: { x: r.x, y: r.y, width: r.width, height: r.height }, tx: Number(m[1]), ty: Number(m[2]), k: Number(m[3]) };
  });
}

export function node(page: Page, code: string): Locator {
  return page.locator(`.react-flow__node-competency:has([data-code="${code}"])`);
}

/** Adds a competency with the toolbar button and types its code and statement in the inspector. */
export async function addCompetency(page: Page, code: string, statement: string): Promise<void> {
  await page.getByRole('button', { name: 'Competency', exact: true }).click();
  const codeField = page.locator('#field-code');
  await expect(codeField).toBeFocused();
  await codeField.fill(code);
  await codeField.press('Enter');
  const st = page.locator('#field-statement');
  await st.fill(statement);
  await st.blur();
  await expect(node(page, code)).toBeVisible();
  await expect(node(page, code)).toContainText(statement);
}

/** Drags from the prerequisite's outgoing handle to the dependent's incoming handle. */
export async function dragLink(page: Page, from: string, to: string): Promise<void> {
  await settle(page);
  const a = await node(page, from).locator('.react-flow__handle.source').boundingBox();
  const b = await node(page, to).locator('.react-flow__handle.target').boundingBox();
  if (!a || !b) throw new Error('handles not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 6 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 6 });
  await page.mouse.up();
}

/** Clicks an empty spot of the canvas (clears the selection, moves keyboard focus off fields). */
export async function clickEmptyCanvas(page: Page): Promise<void> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.click(box.x + 30, box.y + 30);
}

/** The code of the card that has the keyboard focus (null when the focus is not on a competency card). */
export const focusedCode = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.querySelector<HTMLElement>('.cnode')?.dataset.code ?? null);

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
}

/**
 * Waits until the viewport is still: its transform unchanged, and no pan or zoom under way (`.is-moving`,
 * set by React Flow's onMoveStart/onMoveEnd), for `quietMs` and at least 10 painted frames in a row.
 * Watched in the page on every animation frame: two reads 100 ms apart could see the same transform while
 * a glide was still to start (Focus and Fit start theirs on a 30–50 ms timer) or between two of its frames
 * on a loaded machine. Counting frames as well as time stretches the wait when the page paints slowly.
 * Gives up silently after `timeout` ms (a view that never stops is for the test's own assertions).
 */
export async function settle(page: Page, { quietMs = 250, timeout = 5_000 } = {}): Promise<void> {
  await page.locator('.react-flow__viewport').waitFor({ state: 'attached' });
  await page.evaluate(
    ({ quietMs, timeout }) =>
      new Promise<void>((resolve) => {
        let last: string | null = null;
        let since = performance.now();
        let frames = 0;
        let done = false;
        const finish = () => {
          done = true;
          resolve();
        };
        const tick = (now: number) => {
          if (done) return;
          const vp = document.querySelector<HTMLElement>('.react-flow__viewport');
          const state = vp && !vp.closest('.is-moving') ? vp.style.transform : null;
          if (state === null || state !== last) {
            last = state;
            since = now;
            frames = 0;
          } else frames++;
          if (frames >= 10 && now - since >= quietMs) finish();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        setTimeout(finish, timeout);
      }),
    { quietMs, timeout },
  );
}

/**
 * The widest everyday toolbar: the first two competencies selected (Align… shows), then Focus on (Shift+F: its
 * depth field shows); returns once Focus's glide to the neighbourhood has ended.
 */
export async function selectTwoInFocus(page: Page): Promise<void> {
  await page.locator('.cnode').nth(0).click({ force: true });
  await page.locator('.cnode').nth(1).click({ force: true, modifiers: ['Shift'] });
  await page.keyboard.press('Shift+F');
  await expect(page.getByLabel('Align selection')).toBeVisible();
  await expect(page.getByLabel('Focus depth')).toBeVisible();
  await settle(page);
}

/**
 * Stands in for the browser's file pickers (from the next page load on) with the origin-private file system: real
 * File System Access handles, which IndexedDB can keep for Open Recent. Open… answers with the file `open`, Save
 * As… (where `saveAs` is given) with the file `saveAs`, created.
 */
export async function stubFilePickers(page: Page, open: string, saveAs?: string): Promise<void> {
  await page.addInitScript(
    ({ open, saveAs }) => {
      const w = window as unknown as { showOpenFilePicker: unknown; showSaveFilePicker: unknown };
      w.showOpenFilePicker = async () => [await (await navigator.storage.getDirectory()).getFileHandle(open)];
      if (saveAs) w.showSaveFilePicker = async () => (await navigator.storage.getDirectory()).getFileHandle(saveAs, { create: true });
    },
    { open, saveAs: saveAs ?? null },
  );
}

/** Writes `text` to the file `name` of the origin-private file system, as another program (a colleague) would. */
export async function writePrivateFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    async ({ name, text }) => {
      const w = await (await (await navigator.storage.getDirectory()).getFileHandle(name, { create: true })).createWritable();
      await w.write(text);
      await w.close();
    },
    { name, text },
  );
}

/**
 * Opens the app, then with Open… the file `name` holding `text` (after `stubFilePickers(page, name)`): the file is
 * open under its name, and in Open Recent.
 */
export async function openWithPicker(page: Page, name: string, text: string): Promise<void> {
  await openApp(page);
  await writePrivateFile(page, name, text);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page).toHaveTitle(`${name} — Progressions`);
}

/** Holds the layout worker's script until the returned function is called: an auto-layout started meanwhile stays running. */
export async function holdLayoutWorker(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/layout\.worker[^/]*\.js/, async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

/**
 * The start of the widest toolbar: the layout worker held (an auto-layout started later stays running, its Cancel
 * showing), a file `name` holding `text` opened with Open… (so Open Recent shows), then the science example opened by
 * link. Returns the function that lets the layout worker go.
 */
export async function openScienceWithRecent(page: Page, name: string, text: string): Promise<() => void> {
  const release = await holdLayoutWorker(page);
  await stubFilePickers(page, name);
  await openWithPicker(page, name, text);
  await page.goto('./?open=/examples/student-science-inquiry.json');
  await expect(page.locator('[data-testid=competency-node]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Recent ▾' })).toBeAttached();
  return release;
}

/**
 * The widest toolbar: `openScienceWithRecent`, then two competencies selected in Focus (Align… and the depth field)
 * and an auto-layout held running (Cancel). Returns the layout worker's release.
 */
export async function openWidestToolbar(page: Page, name: string, text: string): Promise<() => void> {
  const release = await openScienceWithRecent(page, name, text);
  await selectTwoInFocus(page);
  await page.keyboard.press('l');
  await expect(page.getByRole('button', { name: 'Cancel auto-layout' })).toBeVisible();
  return release;
}

/** The competency `code` is the one selected and, once the view has glided or jumped, centred on the map. */
export async function centredAndSelected(page: Page, code: string): Promise<void> {
  await expect(page.locator('.cnode.is-selected')).toHaveCount(1);
  await expect(page.locator('.cnode.is-selected')).toHaveAttribute('data-code', code);
  await expect
    .poll(async () => {
      const n = await node(page, code).boundingBox();
      const c = await page.getByTestId('canvas').boundingBox();
      return n && c ? Math.abs(n.x + n.width / 2 - (c.x + c.width / 2)) < 40 && Math.abs(n.y + n.height / 2 - (c.y + c.height / 2)) < 40 : false;
    })
    .toBe(true);
}

/** Serves `text` (a framework file made by the test, e.g. a generated big map) at `/generated/<name>` to this page. */
export async function serveGenerated(page: Page, name: string, text: string): Promise<string> {
  const path = `/generated/${name}`;
  await page.route((url) => url.pathname === path, (route) => route.fulfill({ body: text, contentType: 'application/json' }));
  return path;
}

/** Opens a framework made by the test through `?open=` (served from memory) and waits until its title shows. */
export async function openGenerated(page: Page, name: string, text: string, title: string, timeout = 60_000): Promise<void> {
  await openApp(page, `?open=${await serveGenerated(page, name, text)}`);
  await expect(page.getByText(title).first()).toBeVisible({ timeout });
}

/**
 * A test for codes the toolbar search lists first, among `comps`: no other competency's code contains
 * it (the search matches parts of codes, case-insensitively) and no other competency has it.
 */
export function findFirstBySearch(comps: readonly { code: string }[]): (c: { code: string }) => boolean {
  const codes = comps.map((o) => o.code.toLowerCase());
  return (c) => {
    const code = c.code.toLowerCase();
    let same = 0;
    for (const o of codes) {
      if (o === code) same++;
      else if (o.includes(code)) return false;
    }
    return same === 1;
  };
}

/** Finds `code` with the toolbar search (Ctrl+F) and picks the first result. */
export async function searchAndPick(page: Page, code: string): Promise<void> {
  await page.keyboard.press(`${mod}+f`);
  const box = page.getByLabel('Search competencies');
  await expect(box).toBeFocused();
  await box.fill(code);
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText(code);
  await page.keyboard.press('Enter');
}

/**
 * Unlocks the adopted (or deprecated) framework on screen to correct it in place: Unlock on the lock
 * badge, then "Correct version …" in the dialog it opens (the status stays as it is).
 */
export async function unlockToCorrect(page: Page): Promise<void> {
  await page.getByTestId('lock-badge').getByRole('button', { name: 'Unlock' }).click();
  await page.getByTestId('unlock-dialog').getByTestId('unlock-correct').click();
  await expect(page.getByTestId('lock-badge')).toContainText('Unlocked for editing');
}

/** Tabs from the toolbar's search field into the map (at most 25 presses); true once the focus is in it. */
export async function tabIntoMap(page: Page): Promise<boolean> {
  await page.getByLabel('Search competencies').focus();
  let inMap = false;
  for (let i = 0; i < 25 && !inMap; i++) {
    await page.keyboard.press('Tab');
    inMap = await page.evaluate(() => !!document.activeElement?.closest('.react-flow'));
  }
  return inMap;
}
