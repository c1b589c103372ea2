import { describe, expect, it } from 'vitest';
import { generateFramework } from '../../../bench/generate';
import { competenciesInOrder } from '../../../src-core/csv/order';
import { competenciesToPrint, printableLevels, printableMapHtml, printScopeLabel } from '../../../src-core/export/printable';
import type { Framework } from '../../../src-core/model/types';
import { smallFramework } from './fixtures';

// The printable map for large maps: the summary layout (a table row per competency) and prints of part
// of the map (a domain with its sub-domains, a grade, chosen competencies).

const NF = '00000000-0000-4000-8000-000200000001'; // Number & Operations—Fractions, parent of NF.EQ Equivalence
const MD = '00000000-0000-4000-8000-000200000003';
const byCode = (fw: Framework, code: string) => Object.values(fw.competencies).find((c) => c.code === code)!;

/** The codes of the summary's rows, in page order. */
function rowCodes(html: string): string[] {
  return [...html.matchAll(/<tr><td class="cid">([^<]*)<\/td>/g)].map((m) => m[1]!);
}

/** The `<tbody>` row of a code. */
function rowOf(html: string, code: string): string {
  return new RegExp(`<tr><td class="cid">${code.replace(/\./g, '\\.')}</td>.*?</tr>`).exec(html)?.[0] ?? '';
}

describe('printable map: summary layout', () => {
  it('has every competency once, in publishing order, with its I can, what to master first, grades and a box per phase (students)', () => {
    const fw = smallFramework();
    const html = printableMapHtml(fw, { paper: 'a4', audience: 'student', layout: 'summary' });
    expect(rowCodes(html)).toEqual(competenciesInOrder(fw).map((c) => c.code));
    expect(html).not.toContain('<article');
    expect(html).toContain('<body class="student summary">');
    expect(html).toContain('Summary — all 5 competencies');
    // a tick box per phase per competency, the threshold's marked in the header
    expect((html.match(/<td class="tick[^"]*"[^>]*>☐<\/td>/g) ?? []).length).toBe(5 * fw.phases.length);
    expect(html).toContain('<th scope="col" class="tick threshold">Proficient ★</th>');
    expect(html).toContain('<th scope="col" class="pre">Learn first</th>');
    const row = rowOf(html, '3.NF.3a');
    expect(row).toContain('<th scope="row">I can show that two fractions');
    expect(row).toContain('<td class="pre">3.NF.1, 3.NF.2</td>');
    expect(row).toContain('<td class="lv">Gr 3–4</td>');
    expect(row).toContain('aria-label="Beginning tick box"');
    // the phases' descriptors and indicators are the full layout's
    expect(html).not.toContain('Draws 1/4 of a rectangle');
  });

  it('gives teachers the statement and the aligned standards instead of tick boxes', () => {
    const fw = smallFramework();
    const html = printableMapHtml(fw, { paper: 'letter', audience: 'teacher', layout: 'summary' });
    expect(html).not.toContain('☐');
    expect(html).toContain('<th scope="col" class="std">Standards</th>');
    expect(rowOf(html, '3.NF.1')).toContain(`<th scope="row">${byCode(fw, '3.NF.1').statement}</th>`);
    expect(html).toContain('<td class="std">3.NF.A.3 (partial)</td>');
    expect(html).toContain('<title>Grade 3 Fractions &amp; Time — summary — teacher edition</title>');
  });

  it('prints a 2,000-competency map as one row each, far shorter than in full', () => {
    const fw = generateFramework({ competencies: 2000, seed: 3 });
    const summary = printableMapHtml(fw, { paper: 'a4', audience: 'student', layout: 'summary' });
    const codes = rowCodes(summary);
    expect(codes).toEqual(competenciesInOrder(fw).map((c) => c.code));
    expect(new Set(codes).size).toBe(2000);
    const full = printableMapHtml(fw, { paper: 'a4', audience: 'student' });
    expect(summary.length).toBeLessThan(full.length / 2);
  });
});

describe('printable map: part of the map', () => {
  it('prints one domain with its sub-domains, says so, and leaves out the picture of the whole map', () => {
    const fw = smallFramework();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"></svg>';
    for (const layout of ['full', 'summary'] as const) {
      const html = printableMapHtml(fw, { paper: 'a4', audience: 'student', layout, mapSvg: svg, only: { domainId: NF } });
      expect(html).toContain('Number &amp; Operations—Fractions</h2>');
      expect(html).toContain('Equivalence</h2>');
      expect(html).not.toContain('Measurement &amp; Data</h2>');
      expect(html).not.toContain('3.MD.1');
      expect(html).not.toContain('<img');
      expect(html).toContain('NF Number &amp; Operations—Fractions (with its sub-domains) — 4 of 5 competencies');
      for (const code of ['3.NF.1', '3.NF.2', '3.NF.3a', '3.NF.3d']) expect(html).toContain(code);
    }
    const sub = printableMapHtml(fw, { paper: 'a4', audience: 'student', layout: 'summary', only: { domainId: '00000000-0000-4000-8000-000200000002' } });
    expect(rowCodes(sub)).toEqual(['3.NF.3a', '3.NF.3d']);
    // what to master first is still named, though printed elsewhere
    expect(rowOf(sub, '3.NF.3a')).toContain('3.NF.1, 3.NF.2');
    expect(sub).not.toContain('Number &amp; Operations—Fractions</h2>');
  });

  it('prints one grade, chosen competencies, or both combined', () => {
    const fw = smallFramework();
    expect(competenciesToPrint(fw, { level: '04' }).map((c) => c.code)).toEqual(['3.NF.3a']);
    expect(competenciesToPrint(fw, { competencyIds: [byCode(fw, '3.MD.1').id, byCode(fw, '3.NF.2').id] }).map((c) => c.code)).toEqual(['3.NF.2', '3.MD.1']);
    expect(competenciesToPrint(fw, { domainId: MD, level: '03' }).map((c) => c.code)).toEqual(['3.MD.1']);
    expect(competenciesToPrint(fw, {}).length).toBe(5);
    expect(printableLevels(fw)).toEqual(['03', '04']);
    expect(printScopeLabel(fw, { domainId: MD, level: '04', competencyIds: ['x'] })).toBe('MD Measurement & Data · Grade 4 · 1 chosen competency');
    const html = printableMapHtml(fw, { paper: 'a4', audience: 'teacher', layout: 'summary', only: { level: '04' } });
    expect(rowCodes(html)).toEqual(['3.NF.3a']);
    expect(html).toContain('Grade 4 — 1 of 5 competencies');
    expect(html).toContain('<title>Grade 3 Fractions &amp; Time — Grade 4 — summary — teacher edition</title>');
  });

  it('says so when nothing is in the part chosen, and an unknown domain holds nothing', () => {
    const fw = smallFramework();
    const html = printableMapHtml(fw, { paper: 'a4', audience: 'student', layout: 'summary', only: { domainId: MD, level: '04' } });
    expect(rowCodes(html)).toEqual([]);
    expect(html).toContain('No competency of this framework is in MD Measurement &amp; Data · Grade 4.');
    expect(competenciesToPrint(fw, { domainId: 'nope' })).toEqual([]);
  });
});

describe('printable map: hostile text', () => {
  it('stays escaped in the summary table and in the page footer (a CSS string)', () => {
    const fw = smallFramework();
    const evil = '"; } </style><script>alert(1)</script><img src=x onerror=alert(2)> \\';
    fw.title = evil;
    fw.version = evil;
    fw.phases[0]!.label = evil;
    fw.domains[0]!.title = evil;
    fw.domains[0]!.code = evil;
    const c = byCode(fw, '3.NF.1');
    c.code = evil;
    c.iCan = evil;
    c.statement = evil;
    for (const audience of ['student', 'teacher'] as const) {
      const html = printableMapHtml(fw, { paper: 'a4', audience, layout: 'summary', only: { domainId: NF } });
      expect(html).not.toMatch(/<script|<img/i);
      expect(html.match(/<\/style>/g)).toHaveLength(1);
      // the footer is one CSS string of letters, digits, spaces and escapes
      const footer = /@bottom-left \{ content: "([^"]*)";/.exec(html)![1]!;
      expect(footer).toMatch(/^[A-Za-z0-9 \\]*$/);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });
});
