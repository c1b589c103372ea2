import { describe, expect, it } from 'vitest';
import { printableMapHtml } from '../../src-core/export/printable';
import { smallFramework } from './csv/fixtures';

// The summary layout's table repeats its <thead> on every printed page, and the thead's first row names
// the domain so that a continuation page says which domain it is in. On a domain's first page that row
// stood under the domain's own heading: the domain was named twice. The table now sits in a box that
// clips what is above it and is pulled up by the caption row's height, so the first caption row is cut
// away (not painted at all, not even as hidden text in the PDF) while the repeated ones show.
// tests/e2e/qa-y-print-summary.spec.ts prints it with Chromium and reads each page of the PDF.

/** A CSS length in millimetres ("5mm" → 5). */
function mm(length: string | undefined): number {
  const m = /^(-?[\d.]+)mm$/.exec(length?.trim() ?? '');
  if (!m) throw new Error(`not a length in mm: ${length}`);
  return Number(m[1]);
}

/** The declarations of the rule whose selector is exactly `selector`. */
function rule(html: string, selector: string): Record<string, string> {
  const at = html.indexOf(`\n${selector} {`);
  expect(at, `no rule for ${selector}`).toBeGreaterThan(0);
  const body = html.slice(html.indexOf('{', at) + 1, html.indexOf('}', at));
  return Object.fromEntries(
    body
      .split(';')
      .map((d) => d.split(':').map((s) => s.trim()))
      .filter((d) => d.length === 2 && d[0] !== '')
      .map(([k, v]) => [k!, v!]),
  );
}

describe('printable summary: a domain is named once on its first page', () => {
  for (const audience of ['student', 'teacher'] as const) {
    it(`puts each domain's table in a clipping box that cuts away the first caption row (${audience})`, () => {
      const html = printableMapHtml(smallFramework(), { paper: 'a4', audience, layout: 'summary' });
      const sections = [...html.matchAll(/<section class="domain">(.*?)<\/section>/gs)].map((m) => m[1]!);
      expect(sections.length).toBeGreaterThan(1);
      for (const s of sections) {
        // heading (and description), then the table inside the clipping box, the caption row first in its thead
        expect(s).toMatch(/^<h2[^>]*>.*?<\/h2>(<p class="domain-desc">.*?<\/p>)?<div class="summary-rows"><table class="summary"><thead><tr class="domain-row" aria-hidden="true">/s);
        expect(s.endsWith('</table></div>')).toBe(true);
      }

      // the box clips and holds its child's margin (a flow root: the margin does not collapse through it)
      const box = rule(html, '.summary-rows');
      expect(box.display).toBe('flow-root');
      expect(box.overflow).toBe('clip');
      // the caption row has a fixed height (one line, cut short with an ellipsis, never wrapping) …
      const caption = rule(html, 'table.summary thead tr.domain-row td');
      expect(caption['white-space']).toBe('nowrap');
      expect(caption['text-overflow']).toBe('ellipsis');
      expect(caption['max-width']).toBe('0');
      const height = mm(caption.height);
      expect(height).toBeGreaterThan(mm(caption['line-height']));
      // … and the table is pulled up by that height less 1px, which keeps the column headers' top border
      const pull = /^calc\(1px - ([\d.]+mm)\)$/.exec(rule(html, '.summary-rows > table.summary')['margin-top'] ?? '');
      expect(pull, 'the table is pulled up by the caption row').not.toBeNull();
      expect(mm(pull![1])).toBe(height);
      // a description keeps its table on the same page: the caption is cut away there, the heading names the domain
      expect(rule(html, '.domain-desc')['break-after']).toBe('avoid');
    });
  }

  it('leaves the full layout (no repeating table) as it was: no clipping box', () => {
    const body = printableMapHtml(smallFramework(), { paper: 'a4', audience: 'student' }).split('</style>')[1]!;
    expect(body).toContain('<section class="domain"><div class="domain-start"><h2');
    expect(body).not.toContain('summary-rows');
    expect(body).not.toContain('domain-row');
  });
});
