import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './canvas-helpers';

// A file dropped on the browser page that cannot be read to open it (here: saved in the Windows code page,
// not UTF-8) is explained in the page's banner, with where — not in the browser's own message box — and
// the document open before stays.

test('a dropped file that is not UTF-8 is explained in the banner, and the map stays', async ({ page }) => {
  const errors = collectErrors(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page);
  const title = await page.title();
  await page.evaluate(() => {
    // {"title": "Zoë"} with ë as the single byte 0xEB (Windows-1252)
    const bytes = Uint8Array.from([...'{"title": "Zo'].map((c) => c.charCodeAt(0)).concat([0xeb], [...'"}'].map((c) => c.charCodeAt(0))));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'plan.json', { type: 'application/json' }));
    const target = document.querySelector('[data-testid="canvas"]') ?? document.body;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  const banner = page.getByRole('alert').filter({ hasText: 'plan.json' });
  await expect(banner).toContainText('Cannot open plan.json: line 1, column 14');
  await expect(banner).toContainText('not UTF-8');
  expect(dialogs).toEqual([]);
  await expect(page).toHaveTitle(title);
  await expect(page.locator('.react-flow__node-competency').first()).toBeVisible();
  expect(errors).toEqual([]);
});
