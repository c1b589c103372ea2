import { formatLevels } from '../model/levels';
import { EVIDENCE_LABELS, type Competency, type Framework } from '../model/types';
import { compareCodes } from '../csv/order';
import { escapeHtml, escapeHtmlLines } from './html';

/** Prerequisite competencies of `c` (those that must be mastered first), in code order. */
export function prerequisitesOf(fw: Framework, c: Competency): Competency[] {
  const out: Competency[] = [];
  for (const l of Object.values(fw.prerequisites)) {
    if (l.to !== c.id) continue;
    const from = fw.competencies[l.from];
    if (from && !out.includes(from)) out.push(from);
  }
  return out.sort((a, b) => compareCodes(a.code, b.code) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Codes (or statements) of the standards `c` is aligned to, with the kind when not exact. */
export function alignedStandardsOf(fw: Framework, c: Competency): string[] {
  const out: string[] = [];
  for (const a of Object.values(fw.alignments)) {
    if (a.competencyId !== c.id) continue;
    const std = fw.standardsSets[a.setId]?.items[a.standardId];
    const name = std ? std.code || std.statement || std.id : a.standardId;
    out.push(a.kind === 'exact' ? name : `${name} (${a.kind})`);
  }
  return out.sort(compareCodes);
}

/**
 * The description of a competency as HTML for an LMS (Moodle, Canvas): statement, "I can"
 * version, prerequisites, mastery phases with descriptors and performance indicators, evidence
 * types and aligned standards. All text is escaped.
 */
export function competencyDescriptionHtml(fw: Framework, c: Competency): string {
  const parts: string[] = [`<p>${escapeHtmlLines(c.statement)}</p>`];
  if (c.iCan.trim() !== '') parts.push(`<p><strong>Student version:</strong> ${escapeHtmlLines(c.iCan)}</p>`);
  if (c.educationLevels.length > 0) parts.push(`<p><strong>Grade levels:</strong> ${escapeHtml(formatLevels(c.educationLevels))}</p>`);
  const pre = prerequisitesOf(fw, c);
  if (pre.length > 0) {
    parts.push(`<p><strong>Master first:</strong> ${pre.map((p) => escapeHtml(p.code || p.statement)).join(', ')}</p>`);
  }
  const phaseItems = fw.phases
    .map((p) => {
      const d = c.phases[p.id];
      if (!d || (d.descriptor.trim() === '' && d.indicators.length === 0)) return '';
      const inds = d.indicators.length > 0 ? `<ul>${d.indicators.map((i) => `<li>${escapeHtmlLines(i.text)}</li>`).join('')}</ul>` : '';
      return `<li><strong>${escapeHtml(p.label)}${p.threshold ? ' (mastery)' : ''}:</strong> ${escapeHtmlLines(d.descriptor)}${inds}</li>`;
    })
    .filter((s) => s !== '');
  if (phaseItems.length > 0) parts.push(`<p><strong>Mastery phases</strong></p><ul>${phaseItems.join('')}</ul>`);
  if (c.evidenceTypes.length > 0) {
    parts.push(`<p><strong>Evidence accepted:</strong> ${c.evidenceTypes.map((e) => escapeHtml(EVIDENCE_LABELS[e] ?? e)).join(', ')}</p>`);
  }
  const stds = alignedStandardsOf(fw, c);
  if (stds.length > 0) parts.push(`<p><strong>Standards:</strong> ${stds.map(escapeHtml).join(', ')}</p>`);
  return parts.join('');
}
