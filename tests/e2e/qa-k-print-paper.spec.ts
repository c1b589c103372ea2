import { expect, test, type Page } from '@playwright/test';
import { PDF_PRINT_OPTIONS } from '../../src-core/export/printable';
import { collectErrors, node, openApp } from './canvas-helpers';

// The desktop app makes the printable map's PDF with Chromium's printToPDF (Electron's
// webContents.printToPDF, the same call as page.pdf here) and PDF_PRINT_OPTIONS. Without
// preferCSSPageSize, Chromium ignored the page's @page size: choosing A4 gave a US Letter PDF.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('progressions.fsAccess', 'off');
    window.print = () => undefined;
  });
});

/** The page sizes (PDF points) of a PDF. */
function mediaBoxes(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([^\]]*?)\s*\]/g)].map((m) =>
    m[1]!
      .split(/\s+/)
      .map((n) => Math.round(Number(n)))
      .join(' '),
  );
}

async function printPreview(page: Page, paper: 'A4' | 'Letter') {
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator('[data-format="html"]').click();
  await dialog.getByRole('radio', { name: paper, exact: true }).check();
  await dialog.getByTestId('export-run').click();
  await expect(page.getByTestId('print-preview')).toBeVisible();
}

for (const [paper, box] of [
  ['A4', '0 0 595 842'],
  ['Letter', '0 0 612 792'],
] as const) {
  test(`the desktop PDF of the printable map is on ${paper} paper, portrait, every page`, async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page, '?open=/examples/grade3-5-fractions.json');
    await expect(node(page, 'FR.3.1')).toBeVisible();
    await printPreview(page, paper);
    await page.emulateMedia({ media: 'print' });
    const boxes = mediaBoxes(await page.pdf({ ...PDF_PRINT_OPTIONS }));
    expect(boxes.length).toBeGreaterThan(5); // 36 competencies: many pages
    expect(new Set(boxes)).toEqual(new Set([box]));
    expect(errors).toEqual([]);
  });
}
