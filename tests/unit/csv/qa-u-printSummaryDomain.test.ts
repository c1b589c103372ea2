import { describe, expect, it } from 'vitest';
import { printableMapHtml } from '../../../src-core/export/printable';
import type { Framework } from '../../../src-core/model/types';
import { smallFramework } from './fixtures';

// The summary layout's table repeats its <thead> on every printed page; the thead's first row names the
// domain, so a continuation page says which domain its rows are in.

/** Each summary table's <thead>, in page order. */
function theads(html: string): string[] {
  return [...html.matchAll(/<table class="summary"><thead>(.*?)<\/thead>/g)].map((m) => m[1]!);
}

describe('printable map: summary tables name their domain on every page', () => {
  it('puts a caption row with the domain code and title first in each table header (students and teachers)', () => {
    const fw = smallFramework();
    for (const audience of ['student', 'teacher'] as const) {
      const html = printableMapHtml(fw, { paper: 'a4', audience, layout: 'summary' });
      const heads = theads(html);
      expect(heads.length).toBeGreaterThan(1);
      const fractions = heads.find((h) => h.includes('Number &amp; Operations—Fractions'));
      expect(fractions, audience).toBeDefined();
      // the caption row spans every column, comes before the column headers, and stays out of screen readers' way
      const cols = (fractions!.match(/<th scope="col"/g) ?? []).length;
      expect(fractions).toMatch(new RegExp(`^<tr class="domain-row" aria-hidden="true"><td colspan="${cols}">NF · Number &amp; Operations—Fractions</td></tr><tr><th scope="col"`));
      // the thead is the part the browser repeats on each page
      expect(html).toContain('table.summary thead { display: table-header-group; }');
    }
  });

  it('names a domain without a code by its title, and competencies without a domain by the section heading', () => {
    const fw: Framework = smallFramework();
    const nf = fw.domains.find((d) => d.code === 'NF')!;
    const loose = Object.values(fw.competencies).find((c) => c.domainId === nf.id)!;
    const next: Framework = {
      ...fw,
      domains: fw.domains.map((d) => (d.id === nf.id ? { ...d, code: '  ', title: 'Fractions <first>' } : d)),
      competencies: { ...fw.competencies, [loose.id]: { ...loose, domainId: null } },
    };
    const heads = theads(printableMapHtml(next, { paper: 'a4', audience: 'student', layout: 'summary' }));
    expect(heads.some((h) => h.includes('>Fractions &lt;first&gt;</td></tr>'))).toBe(true);
    expect(heads.some((h) => h.includes('>More things I will learn</td></tr>'))).toBe(true);
  });
});
