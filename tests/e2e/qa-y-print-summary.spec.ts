import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { generateFramework } from '../../bench/generate';
import { printableMapHtml, type PrintAudience } from '../../src-core/export/printable';

// The printable summary, printed by Chromium as the app prints it: each domain is named once on its first
// page (its heading; the table header's caption row, which repeats on every page, stood under it and named
// the domain a second time) and once on each page it continues on (the repeated caption row). Reads the
// text of each page of the PDF with poppler's pdftotext; hidden text would count, so the first caption row
// has to be left out of the PDF, not painted over.

const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));

/** 200 competencies in 4 domains ("D1 Domain 1" …), the second with a title too long for one line. */
function framework() {
  const fw = generateFramework({ competencies: 200, domains: 4, layout: false });
  fw.domains[1] = {
    ...fw.domains[1]!,
    title: 'Domain 2: understand that shapes in different categories may share attributes and that the shared attributes can define a larger category',
    description: 'Shapes and their attributes, from sorting to classifying in a hierarchy.',
  };
  return fw;
}

/** The text of each page of a PDF. */
function pagesOf(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'qa-y-print-'));
  try {
    const file = join(dir, 'summary.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync(PDFTOTEXT!, ['-layout', file, '-'], { encoding: 'utf8' });
    return text.split('\f').filter((page) => page.trim() !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const audience of ['student', 'teacher'] as const satisfies readonly PrintAudience[]) {
  test(`the printed summary names each domain once per page it is on (${audience})`, async ({ page, browserName }) => {
    test.skip(!PDFTOTEXT, 'pdftotext (poppler-utils) is not installed: apt-get install poppler-utils');
    test.skip(browserName !== 'chromium', 'page.pdf() is Chromium only');
    const fw = framework();
    await page.setContent(printableMapHtml(fw, { paper: 'a4', audience, layout: 'summary' }));

    // on screen (the Export dialog's preview, a browser) the first caption row is cut away too: the heading names the domain
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('tr.domain-row td')].map((td) => {
        const r = td.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit === td || td.contains(hit);
      }),
    );
    expect(shown.length).toBe(fw.domains.length);
    expect(shown.every((s) => !s)).toBe(true);

    const pages = pagesOf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pages.length).toBeGreaterThan(4);
    const seen = new Set<number>();
    for (const [i, text] of pages.entries()) {
      // the domains whose rows are on this page (codes "D3.07.12")
      const domains = new Set([...text.matchAll(/^\s{0,3}D(\d)\.\d\d\.\d+\s/gm)].map((m) => Number(m[1])));
      for (const d of domains) {
        const named = (text.match(new RegExp(`Domain ${d}\\b`, 'g')) ?? []).length;
        expect(named, `page ${i + 1}: times Domain ${d} is named`).toBe(1);
        const first = !seen.has(d);
        seen.add(d);
        // the first page has the heading (teachers: code and title), a continuation page the caption "D1 · Domain 1"
        const caption = new RegExp(`D${d} · Domain ${d}\\b`).test(text);
        expect(caption, `page ${i + 1}: Domain ${d} ${first ? 'starts with its heading' : 'continues under its caption row'}`).toBe(!first);
      }
    }
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });
}
