import { competenciesInOrder, domainsInOrder } from '../csv/order';
import { EDUCATION_LEVELS, formatLevels, levelRank } from '../model/levels';
import { EVIDENCE_LABELS, type Competency, type Domain, type Framework } from '../model/types';
import { exportIndex, type ExportIndex } from './describe';
import { escapeHtml, escapeHtmlLines, shorten } from './html';

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
 * The `summary` layout is for large maps (a 2,000-competency map printed ~1,000 pages in full): the
 * same header and scale, then per domain one compact table, a row per competency — code, "I can"
 * (students) or statement (teachers), what to master first, grade levels, and a box per phase to
 * tick (students) or the aligned standards (teachers). `only` prints part of the map in either
 * layout: one domain with its sub-domains, one grade level, chosen competencies (they combine); the
 * header then says what was printed ("Fractions · Grade 3 — 24 of 2,000 competencies"). Every page
 * carries the title and "page n of m" in its bottom margin.
 *
 * All framework text is escaped; the map picture is only ever used as an `<img>` data URL (an SVG
 * shown through `<img>` cannot run scripts), and a Content-Security-Policy forbids scripts anyway.
 */

/** Paper sizes the page is laid out for (`@page size`). */
export type PaperSize = 'a4' | 'letter';
/** Who reads the page: students ("I can", tick boxes) or teachers (statements, standards, notes). */
export type PrintAudience = 'student' | 'teacher';

/** `full`: every competency with its phases, descriptors and indicators; `summary`: a compact table per domain. */
export type PrintLayout = 'full' | 'summary';

/** Part of the map to print; the parts given combine (a domain's competencies of one grade). */
export interface PrintScope {
  /** One domain and its sub-domains. */
  domainId?: string;
  /** One grade level (a CEDS code, e.g. `03`): the competencies whose levels include it. */
  level?: string;
  /** Only these competencies (the selection on the map). */
  competencyIds?: readonly string[];
}

/** Options of `printableMapHtml`. */
export interface PrintableOptions {
  paper: PaperSize;
  /** The map as SVG markup, or as a `data:image/(png|jpeg|svg+xml)` URL; omitted when absent. */
  mapSvg?: string;
  audience: PrintAudience;
  /** Default `full`. */
  layout?: PrintLayout;
  /** Print part of the map; the whole map when absent or empty. */
  only?: PrintScope;
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

/**
 * Text as a CSS string literal: everything but letters, digits and spaces as a hex escape, so no
 * framework text can close the string, the rule or the style element.
 */
function cssString(s: string): string {
  return `"${s.replace(/[^A-Za-z0-9 ]/gu, (ch) => `\\${ch.codePointAt(0)!.toString(16)} `)}"`;
}

function css(paper: PaperSize, footer: string): string {
  return `@page { size: ${PAGE_SIZE[paper]} portrait; margin: 12mm 12mm 14mm;
  @bottom-left { content: ${cssString(footer)}; font: 8pt Arial, sans-serif; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, sans-serif; color: #555; }
}
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
.domain-desc { margin: 0 0 3mm; color: #333; break-after: avoid; }
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
.scope { font-weight: 600; }
table.summary { width: 100%; border-collapse: collapse; margin: 0 0 5mm; font-size: 9pt; line-height: 1.25; }
table.summary th, table.summary td { border: 1px solid #bbb; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
table.summary thead th { background: #f0f0f0; font-size: 8pt; font-weight: 600; }
table.summary thead { display: table-header-group; }
table.summary tr { break-inside: avoid; page-break-inside: avoid; }
table.summary tbody th { font-weight: normal; }
table.summary .cid { font-family: "Consolas", "DejaVu Sans Mono", monospace; font-size: 8pt; white-space: nowrap; width: 1%; }
table.summary .pre { width: 18%; font-size: 8pt; }
table.summary .lv { width: 1%; white-space: nowrap; font-size: 8pt; }
table.summary .std { width: 16%; font-size: 8pt; }
table.summary .tick { width: 14mm; text-align: center; vertical-align: middle; }
table.summary thead .tick { font-size: 7pt; line-height: 1.1; padding: 1mm 0.5mm; }
table.summary td.tick { font-size: 13pt; line-height: 1; }
table.summary .threshold { background: #e6e6e6; }
table.summary thead tr.domain-row td { border: 0; height: 5mm; max-width: 0; padding: 0 0 1mm; vertical-align: bottom; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-size: 8pt; line-height: 3.5mm; font-weight: 600; color: #444; background: #fff; }
.summary-rows { display: flow-root; overflow: clip; }
.summary-rows > table.summary { margin-top: calc(1px - 5mm); }
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

/** One row of the summary table: code, headline, what to master first, grades, then ticks (students) or standards (teachers). */
function summaryRow(fw: Framework, index: ExportIndex, c: Competency, audience: PrintAudience): string {
  const iCan = c.iCan.trim();
  const headline = audience === 'student' ? iCan || c.statement : c.statement || iCan;
  const pre = index
    .prerequisitesOf(c)
    .map((p) => escapeHtml(p.code.trim() || shorten(p.iCan.trim() || p.statement, 40)))
    .join(', ');
  const cells = [
    `<td class="cid">${escapeHtml(c.code)}</td>`,
    `<th scope="row">${escapeHtmlLines(headline)}</th>`,
    `<td class="pre">${pre}</td>`,
    `<td class="lv">${escapeHtml(formatLevels(c.educationLevels))}</td>`,
  ];
  if (audience === 'student') {
    for (const p of fw.phases) cells.push(`<td class="tick${p.threshold ? ' threshold' : ''}" aria-label="${escapeHtml(`${p.label} tick box`)}">☐</td>`);
  } else {
    cells.push(`<td class="std">${index.alignedStandardsOf(c).map(escapeHtml).join(', ')}</td>`);
  }
  return `<tr>${cells.join('')}</tr>`;
}

/**
 * The summary's table of one domain's competencies. Its `<thead>` repeats on every page the table spans:
 * a caption row naming the domain (so a continuation page does not start with an anonymous table; hidden
 * from screen readers, which have the heading) and the column headers. On the domain's first page the
 * caption row would name the domain a second time under its heading: the table sits in `.summary-rows`,
 * which clips, pulled up by the caption row's fixed height, so that first caption row is cut away (left out
 * of the PDF, not painted over) while the repeated ones show.
 */
function summaryTable(fw: Framework, index: ExportIndex, list: readonly Competency[], audience: PrintAudience, caption: string): string {
  const w = WORDS[audience];
  const head = [
    '<th scope="col" class="cid">Code</th>',
    `<th scope="col">${audience === 'student' ? 'I can' : 'Competency'}</th>`,
    `<th scope="col" class="pre">${w.before}</th>`,
    `<th scope="col" class="lv">${audience === 'student' ? 'Grade' : 'Grades'}</th>`,
  ];
  if (audience === 'student') {
    for (const p of fw.phases) head.push(`<th scope="col" class="tick${p.threshold ? ' threshold' : ''}">${escapeHtml(p.label)}${p.threshold ? ' ★' : ''}</th>`);
  } else {
    head.push('<th scope="col" class="std">Standards</th>');
  }
  const captionRow = `<tr class="domain-row" aria-hidden="true"><td colspan="${head.length}">${caption}</td></tr>`;
  return `<table class="summary"><thead>${captionRow}<tr>${head.join('')}</tr></thead><tbody>${list.map((c) => summaryRow(fw, index, c, audience)).join('\n')}</tbody></table>`;
}

/** The ids of a domain and of its sub-domains, at any depth (a parent cycle stops the walk). */
function domainAndDescendants(fw: Pick<Framework, 'domains'>, domainId: string): Set<string> {
  const parent = new Map(fw.domains.map((d) => [d.id as string, d.parentId as string | null]));
  const inside = new Set<string>();
  for (const d of fw.domains) {
    const seen = new Set<string>();
    for (let at: string | null | undefined = d.id; at != null && !seen.has(at); at = parent.get(at)) {
      if (at === domainId) {
        inside.add(d.id);
        break;
      }
      seen.add(at);
    }
  }
  return inside;
}

function isEmptyScope(only: PrintScope | undefined): boolean {
  return !only || (only.domainId === undefined && only.level === undefined && only.competencyIds === undefined);
}

/**
 * The competencies a print of `only` holds, in publishing order (all of them when `only` is absent or
 * empty). A domain that does not exist holds none.
 */
export function competenciesToPrint(fw: Framework, only?: PrintScope): Competency[] {
  const all = competenciesInOrder(fw);
  if (!only || isEmptyScope(only)) return all;
  const domains = only.domainId !== undefined ? domainAndDescendants(fw, only.domainId) : null;
  const ids = only.competencyIds !== undefined ? new Set(only.competencyIds) : null;
  return all.filter(
    (c) => (!domains || (c.domainId !== null && domains.has(c.domainId))) && (only.level === undefined || c.educationLevels.includes(only.level)) && (!ids || ids.has(c.id)),
  );
}

/** The grade levels the competencies (of `fw`, or those given) are for, in learner order (unknown codes last, as written): the choices of a print by grade. */
export function printableLevels(competencies: Framework | readonly Competency[]): string[] {
  const levels = new Set<string>();
  const list = Array.isArray(competencies) ? competencies : Object.values((competencies as Framework).competencies);
  for (const c of list) for (const l of c.educationLevels) levels.add(l);
  const rank = (l: string) => levelRank(l) ?? Number.MAX_SAFE_INTEGER;
  return [...levels].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The domains a name given by a user (a script's `--domain`) means: by id, else by code, else by title (letter case ignored). */
export function domainsNamed(fw: Pick<Framework, 'domains'>, name: string): Domain[] {
  const n = name.trim();
  const byId = fw.domains.filter((d) => d.id === n);
  if (byId.length > 0) return byId;
  const same = (a: string) => a.trim().toLowerCase() === n.toLowerCase();
  const byCode = fw.domains.filter((d) => d.code.trim() !== '' && same(d.code));
  return byCode.length > 0 ? byCode : fw.domains.filter((d) => same(d.title));
}

/** A grade level's name: "Grade 3", "Kindergarten", or the code as written when unknown. */
export function levelName(code: string): string {
  return EDUCATION_LEVELS.find((l) => l.code === code)?.title ?? code;
}

/** What a print of part of the map holds, in words ("Fractions · Grade 3 · 12 chosen competencies"); '' for the whole map. */
export function printScopeLabel(fw: Framework, only?: PrintScope): string {
  if (!only) return '';
  const parts: string[] = [];
  if (only.domainId !== undefined) {
    const d = fw.domains.find((x) => x.id === only.domainId);
    const name = d ? `${d.code.trim() !== '' ? `${d.code.trim()} ` : ''}${d.title}` : 'an unknown domain';
    parts.push(d && fw.domains.some((x) => x.parentId === d.id) ? `${name} (with its sub-domains)` : name);
  }
  if (only.level !== undefined) parts.push(levelName(only.level));
  if (only.competencyIds !== undefined) parts.push(`${only.competencyIds.length.toLocaleString('en-US')} chosen competenc${only.competencyIds.length === 1 ? 'y' : 'ies'}`);
  return parts.join(' · ');
}

/** The printable mastery map of a framework (or of part of it, `only`) as a complete HTML document. */
export function printableMapHtml(fw: Framework, options: PrintableOptions): string {
  const { paper, audience } = options;
  const layout = options.layout ?? 'full';
  const partial = !isEmptyScope(options.only);
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
  const comps = competenciesToPrint(fw, options.only);
  const total = Object.keys(fw.competencies).length;
  const scopeLabel = partial ? printScopeLabel(fw, options.only) : '';
  const scopeLine = partial
    ? `<p class="meta scope">${escapeHtml(`${scopeLabel} — ${comps.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} competencies`)}</p>`
    : layout === 'summary'
      ? `<p class="meta scope">${escapeHtml(`Summary — all ${total.toLocaleString('en-US')} competencies`)}</p>`
      : '';
  body.push(
    `<header class="doc"><h1>${escapeHtml(fw.title)}</h1>${fw.description.trim() !== '' ? `<p>${escapeHtmlLines(fw.description)}</p>` : ''}${meta.length > 0 ? `<p class="meta">${meta.join(' · ')}</p>` : ''}${scopeLine}</header>`,
  );

  // The picture is of the whole map: left out of a print of part of it.
  const src = options.mapSvg !== undefined && !partial ? imageSrc(options.mapSvg) : null;
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

  const index = exportIndex(fw);
  const byDomain = new Map<string | null, Competency[]>();
  const known = new Set(fw.domains.map((d) => d.id));
  for (const c of comps) {
    const key = c.domainId !== null && known.has(c.domainId) ? c.domainId : null;
    const list = byDomain.get(key) ?? [];
    list.push(c);
    byDomain.set(key, list);
  }
  const section = (heading: string, caption: string, list: readonly Competency[], color: string) =>
    layout === 'summary'
      ? `<section class="domain">${heading}<div class="summary-rows">${summaryTable(fw, index, list, audience, caption)}</div></section>`
      : domainSection(heading, list.map((c) => competencyHtml(fw, index, c, audience, color)));
  const colorOf = (d: Domain | undefined) => (d && SAFE_COLOR.test(d.color) ? d.color : '#888888');
  for (const { domain, depth } of domainsInOrder(fw)) {
    const list = byDomain.get(domain.id) ?? [];
    // the whole map shows every domain, an empty one too; a part of it only the domains it holds
    if (list.length === 0 && (partial || layout === 'summary')) continue;
    const color = colorOf(domain);
    const title = `${domain.code.trim() !== '' && audience === 'teacher' ? `<span class="code">${escapeHtml(domain.code)}</span>` : ''}${escapeHtml(domain.title)}`;
    const desc = domain.description.trim() !== '' ? `<p class="domain-desc">${escapeHtmlLines(domain.description)}</p>` : '';
    const caption = `${domain.code.trim() !== '' ? `${escapeHtml(domain.code)} · ` : ''}${escapeHtml(domain.title)}`;
    body.push(section(`<h2${depth > 0 ? ' class="sub"' : ''} style="--domain: ${color}">${title}</h2>${desc}`, caption, list, color));
  }
  const loose = byDomain.get(null) ?? [];
  if (loose.length > 0) body.push(section(`<h2>${w.other}</h2>`, w.other, loose, '#888888'));
  if (total === 0) body.push('<p class="muted">This framework has no competencies yet.</p>');
  else if (comps.length === 0) body.push(`<p class="muted">${escapeHtml(`No competency of this framework is in ${scopeLabel}.`)}</p>`);

  const date = /^\d{4}-\d{2}-\d{2}/.exec(fw.lastChangeDateTime)?.[0] ?? '';
  body.push(
    `<footer class="doc">${escapeHtml(fw.title)}${fw.version.trim() !== '' ? ` · version ${escapeHtml(fw.version)}` : ''}${date ? ` · ${date}` : ''} · made with Progressions</footer>`,
  );
  const pageFooter = `${shorten(fw.title, 70)}${scopeLabel ? ` · ${shorten(scopeLabel, 50)}` : ''}${fw.version.trim() !== '' ? ` · version ${shorten(fw.version, 20)}` : ''}`;
  const docTitle = `${fw.title}${scopeLabel ? ` — ${scopeLabel}` : ''}${layout === 'summary' ? ' — summary' : ''}${audience === 'student' ? '' : ' — teacher edition'}`;

  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(docTitle)}</title>
<style>
${css(paper, pageFooter)}
</style>
</head>
<body class="${audience}${layout === 'summary' ? ' summary' : ''}">
${body.join('\n')}
</body>
</html>
`;
}
