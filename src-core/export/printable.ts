import { competenciesInOrder, domainsInOrder } from '../csv/order';
import { formatLevels } from '../model/levels';
import { EVIDENCE_LABELS, type Competency, type Domain, type Framework } from '../model/types';
import { exportIndex, type ExportIndex } from './describe';
import { escapeHtml, escapeHtmlLines } from './html';

/**
 * The printable mastery map: one self-contained HTML page (inline CSS, no scripts, no external
 * resources) for the classroom wall and students' folders. The desktop app turns it into a PDF
 * with `printToPDF`; the browser prints it.
 *
 * Contents: the title, an optional picture of the map, the mastery scale, then per domain (in
 * display order, sub-domains after their parent) each competency with its "I can" statement, what
 * to master first, the phases with descriptors and performance indicators, and the accepted kinds
 * of evidence. The `student` audience puts the "I can" statement first, in student language, with a
 * box per phase to tick; the `teacher` audience adds the formal statement, standards, notes and
 * estimated hours.
 *
 * All framework text is escaped; the map picture is only ever used as an `<img>` data URL (an SVG
 * shown through `<img>` cannot run scripts), and a Content-Security-Policy forbids scripts anyway.
 */

/** Paper sizes the page is laid out for (`@page size`). */
export type PaperSize = 'a4' | 'letter';
/** Who reads the page: students ("I can", tick boxes) or teachers (statements, standards, notes). */
export type PrintAudience = 'student' | 'teacher';

/** Options of `printableMapHtml`. */
export interface PrintableOptions {
  paper: PaperSize;
  /** The map as SVG markup, or as a `data:image/(png|jpeg|svg+xml)` URL; omitted when absent. */
  mapSvg?: string;
  audience: PrintAudience;
}

const PAGE_SIZE: Record<PaperSize, string> = { a4: 'A4', letter: 'letter' };

/**
 * How the desktop app makes a PDF of a window (`webContents.printToPDF`). A page that names its paper
 * (`@page { size }`: the printable map, A4 or Letter) gets that paper — without `preferCSSPageSize`
 * Chromium ignores it and every PDF came out on US Letter, the A4 choice included; a page that does
 * not (the map canvas) is printed landscape on Letter.
 */
export const PDF_PRINT_OPTIONS = { printBackground: true, landscape: true, preferCSSPageSize: true } as const;

/** Words for each audience: students read "I can", "Learn first", "How I can show it". */
const WORDS = {
  student: {
    scale: 'My steps to mastery',
    before: 'Learn first',
    evidence: 'How I can show what I know',
    indicators: 'What you might see',
    goal: 'mastery goal',
    other: 'More things I will learn',
    hours: (h: number) => `About ${fmtHours(h)} of learning`,
  },
  teacher: {
    scale: 'Mastery scale',
    before: 'Prerequisites',
    evidence: 'Evidence accepted',
    indicators: 'Performance indicators',
    goal: 'mastery threshold',
    other: 'Competencies without a domain',
    hours: (h: number) => `Estimated ${fmtHours(h)}`,
  },
} as const;

function fmtHours(h: number): string {
  return `${Number.isInteger(h) ? h : h.toFixed(1)} hour${h === 1 ? '' : 's'}`;
}

const SAFE_COLOR = /^#[0-9a-fA-F]{6}$/;

function imageSrc(map: string): string | null {
  const t = map.trim();
  if (t === '') return null;
  if (/^data:image\/(png|jpeg|svg\+xml)[;,]/i.test(t)) return t.replace(/["'<>\s]/g, (ch) => encodeURIComponent(ch));
  if (/<svg[\s>]/i.test(t)) return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(t)}`;
  return null;
}

function css(paper: PaperSize): string {
  return `@page { size: ${PAGE_SIZE[paper]} portrait; margin: 12mm 12mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.35; color: #111; margin: 0; }
header.doc { border-bottom: 2px solid #222; margin-bottom: 8mm; padding-bottom: 3mm; }
header.doc h1 { font-size: 20pt; margin: 0 0 2mm; }
header.doc p { margin: 0 0 1mm; }
.meta { color: #444; font-size: 9pt; }
section.map { break-after: page; text-align: center; }
section.map img { max-width: 100%; max-height: 230mm; object-fit: contain; }
section.scale ol { display: flex; gap: 3mm; padding: 0; margin: 0 0 6mm; list-style: none; }
section.scale li { flex: 1; border: 1px solid #999; border-radius: 2mm; padding: 2mm 3mm; }
section.scale li.threshold { border: 2px solid #111; }
h2 { font-size: 15pt; margin: 6mm 0 3mm; padding-left: 3mm; border-left: 3mm solid var(--domain, #888); break-after: avoid; }
h2.sub { font-size: 12.5pt; }
.domain-desc { margin: 0 0 3mm; color: #333; }
.domain-start { break-inside: avoid; page-break-inside: avoid; }
article { border: 1px solid #bbb; border-left: 2mm solid var(--domain, #888); border-radius: 1.5mm; padding: 3mm 4mm; margin: 0 0 4mm; break-inside: avoid; page-break-inside: avoid; }
article h3 { font-size: 12pt; margin: 0 0 1.5mm; }
.code { font-family: "Consolas", "DejaVu Sans Mono", monospace; font-size: 9pt; color: #333; background: #eee; border-radius: 1mm; padding: 0 1.5mm; margin-right: 2mm; white-space: nowrap; }
.statement { margin: 0 0 2mm; color: #333; }
.facts { margin: 0 0 2mm; font-size: 9.5pt; }
.facts b { font-weight: 600; }
table.phases { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; font-size: 9.5pt; }
table.phases th, table.phases td { border: 1px solid #ccc; padding: 1.2mm 2mm; vertical-align: top; text-align: left; }
table.phases th { background: #f4f4f4; }
table.phases tbody th, table.phases thead th:first-child { width: 24%; }
table.phases .tick { width: 9mm; text-align: center; }
table.phases tr.threshold th { background: #e6e6e6; }
table.phases td.tick { font-size: 12pt; }
table.phases ul { margin: 1mm 0 0; padding-left: 5mm; }
.goal { font-weight: normal; font-size: 8.5pt; }
.muted { color: #666; font-style: italic; }
footer.doc { margin-top: 8mm; font-size: 8.5pt; color: #555; border-top: 1px solid #999; padding-top: 2mm; }
@media screen { body { max-width: 190mm; margin: 10mm auto; padding: 0 6mm; } }`;
}

function competencyHtml(fw: Framework, index: ExportIndex, c: Competency, audience: PrintAudience, color: string): string {
  const w = WORDS[audience];
  const iCan = c.iCan.trim();
  const headline = audience === 'student' ? iCan || c.statement : c.statement || iCan;
  const parts: string[] = [];
  parts.push(
    `<h3>${c.code.trim() !== '' ? `<span class="code">${escapeHtml(c.code)}</span>` : ''}${escapeHtmlLines(headline)}</h3>`,
  );
  if (audience === 'teacher' && iCan !== '' && iCan !== headline) parts.push(`<p class="statement">${escapeHtmlLines(iCan)}</p>`);
  if (audience === 'student' && iCan !== '' && c.statement.trim() !== '' && c.statement !== headline) {
    parts.push(`<p class="statement">${escapeHtmlLines(c.statement)}</p>`);
  }

  const facts: string[] = [];
  const pre = index.prerequisitesOf(c);
  if (pre.length > 0) {
    const names = pre.map((p) => {
      if (audience === 'teacher') return escapeHtml(p.code.trim() || p.statement);
      const label = p.iCan.trim() || p.statement;
      return p.code.trim() !== '' ? `${escapeHtml(p.code)} (${escapeHtml(label)})` : escapeHtml(label);
    });
    facts.push(`<b>${w.before}:</b> ${names.join('; ')}`);
  }
  if (c.educationLevels.length > 0) facts.push(`<b>${audience === 'student' ? 'Grade' : 'Grade levels'}:</b> ${escapeHtml(formatLevels(c.educationLevels))}`);
  if (c.estimatedHours !== null) facts.push(escapeHtml(w.hours(c.estimatedHours)));
  if (audience === 'teacher') {
    const stds = index.alignedStandardsOf(c);
    if (stds.length > 0) facts.push(`<b>Standards:</b> ${stds.map(escapeHtml).join(', ')}`);
  }
  if (facts.length > 0) parts.push(`<p class="facts">${facts.join(' · ')}</p>`);

  const rows = fw.phases.map((p) => {
    const d = c.phases[p.id];
    const descriptor = d && d.descriptor.trim() !== '' ? escapeHtmlLines(d.descriptor) : `<span class="muted">${escapeHtml(p.description)}</span>`;
    const inds =
      d && d.indicators.length > 0
        ? `<div>${w.indicators}:</div><ul>${d.indicators.map((i) => `<li>${escapeHtmlLines(i.text)}</li>`).join('')}</ul>`
        : '';
    const tick = audience === 'student' ? '<td class="tick" aria-label="tick box">☐</td>' : '';
    return `<tr${p.threshold ? ' class="threshold"' : ''}><th scope="row">${escapeHtml(p.label)}${p.threshold ? ` <span class="goal">★ ${w.goal}</span>` : ''}</th><td>${descriptor}${inds}</td>${tick}</tr>`;
  });
  if (rows.length > 0) {
    const head = audience === 'student' ? `<thead><tr><th scope="col">Step</th><th scope="col">What it looks like</th><th scope="col" class="tick">✓</th></tr></thead>` : '';
    parts.push(`<table class="phases">${head}<tbody>${rows.join('')}</tbody></table>`);
  }
  if (c.evidenceTypes.length > 0) {
    parts.push(`<p class="facts"><b>${w.evidence}:</b> ${c.evidenceTypes.map((e) => escapeHtml(EVIDENCE_LABELS[e] ?? e)).join(' · ')}</p>`);
  }
  if (audience === 'teacher' && c.notes.trim() !== '') parts.push(`<p class="facts"><b>Notes:</b> ${escapeHtmlLines(c.notes)}</p>`);
  return `<article style="--domain: ${color}">${parts.join('\n')}</article>`;
}

/**
 * A domain's section. Its heading (and description) is kept on one page with its first competency
 * (`.domain-start`, not broken inside): a competency card does not break across pages, so a heading
 * near the foot of a page was left there alone, its competencies starting on the next.
 */
function domainSection(heading: string, articles: readonly string[]): string {
  const [first, ...rest] = articles;
  return `<section class="domain"><div class="domain-start">${heading}${first ?? ''}</div>${rest.map((a) => `\n${a}`).join('')}</section>`;
}

/** The printable mastery map of a framework as a complete HTML document. */
export function printableMapHtml(fw: Framework, options: PrintableOptions): string {
  const { paper, audience } = options;
  const w = WORDS[audience];
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(fw.language) ? fw.language : 'en';
  const body: string[] = [];

  const meta: string[] = [];
  if (fw.educationLevels.length > 0) meta.push(escapeHtml(formatLevels(fw.educationLevels)));
  if (fw.subjects.length > 0) meta.push(escapeHtml(fw.subjects.join(', ')));
  if (audience === 'teacher') {
    if (fw.version.trim() !== '') meta.push(`version ${escapeHtml(fw.version)}`);
    meta.push(escapeHtml(fw.status));
    if (fw.publisher.trim() !== '') meta.push(escapeHtml(fw.publisher));
  }
  body.push(
    `<header class="doc"><h1>${escapeHtml(fw.title)}</h1>${fw.description.trim() !== '' ? `<p>${escapeHtmlLines(fw.description)}</p>` : ''}${meta.length > 0 ? `<p class="meta">${meta.join(' · ')}</p>` : ''}</header>`,
  );

  const src = options.mapSvg !== undefined ? imageSrc(options.mapSvg) : null;
  if (src) body.push(`<section class="map"><img src="${escapeHtml(src)}" alt="${escapeHtml(`Mastery map of ${fw.title}`)}"></section>`);

  if (fw.phases.length > 0) {
    body.push(
      `<section class="scale"><h2>${w.scale}</h2><ol>${fw.phases
        .map(
          (p) =>
            `<li${p.threshold ? ' class="threshold"' : ''}><b>${escapeHtml(p.label)}</b>${p.threshold ? ` <span class="goal">★ ${w.goal}</span>` : ''}<br>${escapeHtmlLines(p.description)}</li>`,
        )
        .join('')}</ol></section>`,
    );
  }

  const comps = competenciesInOrder(fw);
  const index = exportIndex(fw);
  const byDomain = new Map<string | null, Competency[]>();
  const known = new Set(fw.domains.map((d) => d.id));
  for (const c of comps) {
    const key = c.domainId !== null && known.has(c.domainId) ? c.domainId : null;
    const list = byDomain.get(key) ?? [];
    list.push(c);
    byDomain.set(key, list);
  }
  const colorOf = (d: Domain | undefined) => (d && SAFE_COLOR.test(d.color) ? d.color : '#888888');
  for (const { domain, depth } of domainsInOrder(fw)) {
    const list = byDomain.get(domain.id) ?? [];
    const color = colorOf(domain);
    const title = `${domain.code.trim() !== '' && audience === 'teacher' ? `<span class="code">${escapeHtml(domain.code)}</span>` : ''}${escapeHtml(domain.title)}`;
    const desc = domain.description.trim() !== '' ? `<p class="domain-desc">${escapeHtmlLines(domain.description)}</p>` : '';
    body.push(domainSection(`<h2${depth > 0 ? ' class="sub"' : ''} style="--domain: ${color}">${title}</h2>${desc}`, list.map((c) => competencyHtml(fw, index, c, audience, color))));
  }
  const loose = byDomain.get(null) ?? [];
  if (loose.length > 0) body.push(domainSection(`<h2>${w.other}</h2>`, loose.map((c) => competencyHtml(fw, index, c, audience, '#888888'))));
  if (comps.length === 0) body.push('<p class="muted">This framework has no competencies yet.</p>');

  const date = /^\d{4}-\d{2}-\d{2}/.exec(fw.lastChangeDateTime)?.[0] ?? '';
  body.push(
    `<footer class="doc">${escapeHtml(fw.title)}${fw.version.trim() !== '' ? ` · version ${escapeHtml(fw.version)}` : ''}${date ? ` · ${date}` : ''} · made with Progressions</footer>`,
  );

  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(fw.title)}${audience === 'student' ? '' : ' — teacher edition'}</title>
<style>
${css(paper)}
</style>
</head>
<body class="${audience}">
${body.join('\n')}
</body>
</html>
`;
}
