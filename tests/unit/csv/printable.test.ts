import { describe, expect, it } from 'vitest';
import { printableMapHtml } from '../../../src-core/export/printable';
import type { Framework } from '../../../src-core/model/types';
import { expectGolden, smallFramework } from './fixtures';

const byCode = (fw: Framework, code: string) => Object.values(fw.competencies).find((c) => c.code === code)!;

/** Every tag the page may contain; anything else means text leaked out unescaped. */
const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'h3', 'p', 'section', 'img', 'ol', 'ul', 'li',
  'b', 'br', 'article', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'footer',
]);

function tagsOf(html: string): string[] {
  return [...html.replace(/^<!DOCTYPE html>/, '').matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
}

describe('printableMapHtml', () => {
  it('matches the golden files (student A4 with a map, teacher Letter)', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="120" height="60" fill="#2f6fdf"/></svg>';
    expectGolden('printable-student-a4.html', printableMapHtml(smallFramework(), { paper: 'a4', audience: 'student', mapSvg: svg }));
    expectGolden('printable-teacher-letter.html', printableMapHtml(smallFramework(), { paper: 'letter', audience: 'teacher' }));
  });

  it('is one self-contained page: inline CSS with the paper size, no scripts, no external resources', () => {
    const a4 = printableMapHtml(smallFramework(), { paper: 'a4', audience: 'student' });
    const letter = printableMapHtml(smallFramework(), { paper: 'letter', audience: 'student' });
    expect(a4).toContain('@page { size: A4 portrait;');
    expect(letter).toContain('@page { size: letter portrait;');
    for (const html of [a4, letter]) {
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).not.toMatch(/<script|<link|<iframe|<object|https?:\/\//i);
      expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
      expect(new Set(tagsOf(html)).size).toBeGreaterThan(5);
      for (const t of tagsOf(html)) expect(ALLOWED_TAGS.has(t), `unexpected <${t}>`).toBe(true);
    }
  });

  it('shows, per domain, each competency with its I-can statement, phases, indicators and evidence (student)', () => {
    const html = printableMapHtml(smallFramework(), { paper: 'a4', audience: 'student' });
    const nf = html.indexOf('Number &amp; Operations—Fractions</h2>');
    const eq = html.indexOf('Equivalence</h2>');
    const md = html.indexOf('Measurement &amp; Data</h2>');
    expect(nf).toBeGreaterThan(0);
    expect(eq).toBeGreaterThan(nf);
    expect(md).toBeGreaterThan(eq);
    const first = html.indexOf('I can explain what the bottom number of a fraction means.</h3>');
    expect(first).toBeGreaterThan(nf);
    expect(first).toBeLessThan(eq);
    expect(html).toContain('<li>Draws 1/4 of a rectangle and says why the parts must be equal.</li>');
    // Indicators are written about the learner ("Draws …"), so the heading must not read "when I: Draws".
    expect(html).toContain('<div>What you might see:</div>');
    expect(html).not.toContain('when I:');
    expect(html).toContain('<b>How I can show what I know:</b> Test or quiz · Demonstration');
    expect(html).toContain('<b>Learn first:</b> 3.NF.1 (I can explain what the bottom number of a fraction means.)');
    expect(html).toContain('★ mastery goal');
    expect(html).toContain('☐');
    // Teacher-only facts stay out of the student edition.
    expect(html).not.toContain('Start here.');
    expect(html).not.toContain('3.NF.A.1');
  });

  it('adds the statement, standards, notes and hours in the teacher edition', () => {
    const html = printableMapHtml(smallFramework(), { paper: 'letter', audience: 'teacher' });
    expect(html).toContain('Understand a fraction 1/b as the quantity formed by 1 part when a whole is partitioned into b equal parts.</h3>');
    expect(html).toContain('<b>Standards:</b> 3.NF.A.3 (partial)');
    expect(html).toContain('<b>Notes:</b> Start here.');
    expect(html).toContain('Estimated 3.5 hours');
    expect(html).toContain('<b>Prerequisites:</b> 3.NF.1; 3.NF.2');
    expect(html).not.toContain('☐');
  });

  it('renders hostile text inert: scripts, event handlers and CSS injection are escaped', () => {
    const fw = smallFramework();
    const evil = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    fw.title = `T ${evil}`;
    fw.description = evil;
    fw.language = 'en"><script>alert(3)</script>';
    fw.phases[0]!.label = evil;
    fw.phases[0]!.description = evil;
    fw.domains[0]!.title = evil;
    fw.domains[0]!.code = evil;
    fw.domains[0]!.color = 'red; } body { display: none';
    const c = byCode(fw, '3.NF.1');
    c.statement = evil;
    c.iCan = evil;
    c.notes = evil;
    c.code = evil;
    c.phases[fw.phases[2]!.id]!.indicators[0]!.text = evil;
    for (const audience of ['student', 'teacher'] as const) {
      const html = printableMapHtml(fw, { paper: 'a4', audience, mapSvg: `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(4)</script></svg>` });
      expect(html).not.toMatch(/<script/i);
      // No element has an event-handler attribute (quoted attribute values blanked out first:
      // an escaped "onerror=" inside alt text is harmless text).
      expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('display: none');
      expect(html).toContain('<html lang="en">');
      for (const t of tagsOf(html)) expect(ALLOWED_TAGS.has(t), `unexpected <${t}>`).toBe(true);
      // The map is only ever an <img> data URL (an SVG in <img> cannot run scripts).
      const img = /<img src="([^"]*)"/.exec(html)![1]!;
      expect(img.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
      expect(img).not.toMatch(/[<>"]/);
    }
  });

  it('accepts a PNG data URL as the map and ignores anything else', () => {
    const png = printableMapHtml(smallFramework(), { paper: 'a4', audience: 'student', mapSvg: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(png).toContain('<img src="data:image/png;base64,iVBORw0KGgo="');
    const js = printableMapHtml(smallFramework(), { paper: 'a4', audience: 'student', mapSvg: 'javascript:alert(1)' });
    expect(js).not.toContain('<img');
    expect(js).not.toContain('javascript:');
  });

  it('prints a framework without domains or competencies', () => {
    const fw = smallFramework();
    fw.domains = [];
    const loose = printableMapHtml(fw, { paper: 'a4', audience: 'student' });
    expect(loose).toContain('More things I will learn</h2>');
    fw.competencies = {};
    expect(printableMapHtml(fw, { paper: 'a4', audience: 'teacher' })).toContain('This framework has no competencies yet.');
  });
});
