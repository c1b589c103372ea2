import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { printableMapHtml, type PaperSize, type PrintAudience } from '../../src-core/export/printable';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';

// A competency card never breaks across pages, so a domain heading near the foot of a page stayed there
// alone while its first competency began the next page (three times in the fractions example's student
// edition). Pages are laid out here as the columns of a multi-column box one page high: Chromium breaks
// columns by the same rules (break-inside, break-after) as printed pages.

const loaded = loadFrameworkText(readFileSync(join(import.meta.dirname, '../../resources/examples/grade3-5-fractions.json'), 'utf8'));
if (!loaded.ok) throw new Error(loaded.error.message);
const fw = loaded.value.framework;

/** The content box of each paper (its @page margins are 12 mm at the sides, 12 + 14 mm top and bottom). */
const PAGE: Record<PaperSize, { width: string; height: string }> = {
  a4: { width: '186mm', height: '271mm' },
  letter: { width: '191.9mm', height: '253.4mm' },
};

for (const paper of ['a4', 'letter'] as const) {
  for (const audience of ['student', 'teacher'] as const satisfies readonly PrintAudience[]) {
    test(`every domain heading starts a page with its first competency (${paper}, ${audience})`, async ({ page }) => {
      await page.setViewportSize({ width: 1200, height: 1100 });
      await page.setContent(printableMapHtml(fw, { paper, audience }));
      const { width, height } = PAGE[paper];
      await page.addStyleTag({
        content: `@media screen { body { max-width: none; margin: 0; padding: 0; height: ${height}; column-width: ${width}; column-gap: 0; column-fill: auto; width: max-content; } }`,
      });
      const placed = await page.evaluate(() =>
        [...document.querySelectorAll('section.domain')].map((s) => {
          const h2 = s.querySelector('h2')!;
          const first = s.querySelector('article');
          return { heading: h2.textContent, headingX: Math.round(h2.getBoundingClientRect().left), firstX: first ? Math.round(first.getBoundingClientRect().left) : null };
        }),
      );
      expect(placed.length).toBe(fw.domains.length);
      // More than one page of columns, or the check would prove nothing.
      expect(new Set(placed.map((p) => p.headingX)).size).toBeGreaterThan(3);
      const alone = placed.filter((p) => p.firstX !== null && p.firstX !== p.headingX).map((p) => p.heading);
      expect(alone, 'domain headings left at the foot of a page without their first competency').toEqual([]);
    });
  }
}
