import { formatLevels } from '../model/levels';
import { EVIDENCE_LABELS, type Competency, type Framework } from '../model/types';
import { compareCodes } from '../csv/order';
import { escapeHtml, escapeHtmlLines } from './html';

/**
 * Lookups the exporters need for every competency, built once per export (not once per
 * competency, which would be quadratic on large frameworks).
 */
export interface ExportIndex {
  /** Prerequisite competencies of `c` (those to master first), in code order. */
  prerequisitesOf(c: Competency): Competency[];
  /** Codes (or statements) of the standards `c` is aligned to, with the kind when not exact. */
  alignedStandardsOf(c: Competency): string[];
}

/** Builds the export lookups of a framework. */
export function exportIndex(fw: Framework): ExportIndex {
  const pre = new Map<string, Competency[]>();
  for (const l of fw.prerequisites.values()) {
    const from = fw.competencies[l.from];
    if (!from || !fw.competencies[l.to]) continue;
    const list = pre.get(l.to) ?? [];
    if (!list.includes(from)) list.push(from);
    pre.set(l.to, list);
  }
  for (const list of pre.values()) list.sort((a, b) => compareCodes(a.code, b.code) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const aligned = new Map<string, string[]>();
  for (const a of fw.alignments.values()) {
    const std = fw.standardsSets[a.setId]?.items[a.standardId];
    const name = std ? std.code || std.statement || std.id : a.standardId;
    const list = aligned.get(a.competencyId) ?? [];
    list.push(a.kind === 'exact' ? name : `${name} (${a.kind})`);
    aligned.set(a.competencyId, list);
  }
  for (const list of aligned.values()) list.sort(compareCodes);
  return {
    prerequisitesOf: (c) => pre.get(c.id) ?? [],
    alignedStandardsOf: (c) => aligned.get(c.id) ?? [],
  };
}

/**
 * The description of a competency as HTML for an LMS (Moodle, Canvas): statement, "I can"
 * version, prerequisites, mastery phases with descriptors and performance indicators, evidence
 * types and aligned standards. All text is escaped.
 */
export function competencyDescriptionHtml(fw: Framework, c: Competency, index: ExportIndex = exportIndex(fw)): string {
  const parts: string[] = [`<p>${escapeHtmlLines(c.statement)}</p>`];
  if (c.iCan.trim() !== '') parts.push(`<p><strong>Student version:</strong> ${escapeHtmlLines(c.iCan)}</p>`);
  if (c.educationLevels.length > 0) parts.push(`<p><strong>Grade levels:</strong> ${escapeHtml(formatLevels(c.educationLevels))}</p>`);
  const pre = index.prerequisitesOf(c);
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
  const stds = index.alignedStandardsOf(c);
  if (stds.length > 0) parts.push(`<p><strong>Standards:</strong> ${stds.map(escapeHtml).join(', ')}</p>`);
  return parts.join('');
}
