import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectErrors, openApp } from './canvas-helpers';

// A band with room for one line of header: the title gets the line. On a 1024 px window the example's thinnest
// band (FR-MD "Fractions in Measurement & Data") showed its code and two letters of its title ("Fr…"); now the
// code makes way when it would leave the title less than a few words' room (it is in the tooltip), and stays
// beside the title where the strip is wide enough. Never a code cut in half, never a lone "…".

/** What the one-line header shows: the title's and the code's boxes, clipped to the header's visible line. */
async function oneLine(header: Locator) {
  return header.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const text = el.querySelector('.lane-label-text')!.getBoundingClientRect();
    const title = el.querySelector('.lane-label-title')!;
    const code = el.querySelector('.lane-code');
    const r = title.getBoundingClientRect();
    const c = code?.getBoundingClientRect();
    const visible = (b: DOMRect | undefined) => !!b && b.width > 0 && b.top >= text.top - 1 && b.bottom <= text.bottom + 1 && b.right <= text.right + 1;
    return {
      header: { top: box.top, bottom: box.bottom },
      title: { top: r.top, bottom: r.bottom, width: r.width, text: title.textContent, visible: visible(r) },
      code: code ? { top: c!.top, width: c!.width, visible: visible(c), whole: code.scrollWidth <= code.clientWidth } : null,
    };
  });
}

async function bandHeader(page: Page, code: string): Promise<Locator> {
  const header = page.getByTestId('lane-strip').locator('.lane-label', { hasText: code });
  await expect(header).toBeVisible();
  return header;
}

test.describe('on a 1024 px window', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test('a one-line band header shows as much of its title as the line holds; the full name is its tooltip and accessible name', async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page);
    const header = await bandHeader(page, 'Fractions in Measurement');
    await expect(header).toHaveClass(/is-one-line/);
    await expect(header).toHaveAttribute('title', 'FR-MD · Fractions in Measurement & Data');
    await expect(header.getByRole('button', { name: 'Collapse domain Fractions in Measurement & Data' })).toBeVisible();
    const s = await oneLine(header);
    expect(s.title.visible).toBe(true);
    expect(s.title.text).toBe('Fractions in Measurement & Data');
    // room for more than its first word (it was 2 letters: ~18 px)
    expect(s.title.width).toBeGreaterThan(60);
    expect(s.title.bottom).toBeLessThanOrEqual(s.header.bottom + 1);
    // the code is not cut: shown whole, or (here) left to the tooltip
    if (s.code?.visible) expect(s.code.whole).toBe(true);
    expect(errors).toEqual([]);
  });
});

test.describe('on a 1366 px window', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('where the strip is wide enough, a one-line header keeps its code beside the title', async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page);
    // zoomed out, the thinnest band has room for one line
    const header = await bandHeader(page, 'Fractions in Measurement');
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect(header).toHaveClass(/is-one-line/);
    const s = await oneLine(header);
    expect(s.code?.visible).toBe(true);
    expect(s.code?.whole).toBe(true);
    expect(Math.abs(s.title.top - s.code!.top)).toBeLessThan(6);
    expect(s.title.visible).toBe(true);
    expect(s.title.width).toBeGreaterThan(40);
    expect(errors).toEqual([]);
  });
});
