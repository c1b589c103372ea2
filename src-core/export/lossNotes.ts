import type { Framework } from '../model/types';

/** The spreadsheet and LMS formats whose files leave part of a framework out. */
export type LossyExportFormat = 'csv' | 'moodle' | 'canvas';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What a file of `format` leaves out of `fw`, as one note in words with counts (only what this framework
 * has), or null when it loses nothing a reader would miss: the Export dialog shows it before exporting, as
 * it does for CASE 1.0 (docs/lms-exports.md lists the same). One pass over each record.
 */
export function exportLossNote(fw: Framework, format: LossyExportFormat): string | null {
  const lost: string[] = [];
  let linkNotes = 0;
  for (const l of fw.prerequisites.values()) if (l.note.trim() !== '') linkNotes++;
  const comments = Object.keys(fw.comments).length;
  const nested = fw.domains.filter((d) => d.parentId !== null).length;
  const described = fw.domains.filter((d) => d.description.trim() !== '').length;
  const sets = Object.keys(fw.standardsSets).length;
  const phaseDescriptions = fw.phases.some((p) => p.description.trim() !== '');
  // Associations of an imported CASE package with no place in the model: only a CASE export writes them again.
  const caseAssociations = fw.caseAssociations ? Object.keys(fw.caseAssociations).length : 0;
  const kept = caseAssociations ? `the ${plural(caseAssociations, 'CASE association', 'CASE associations')} kept from the imported package (only a CASE export writes them again)` : '';
  let pinned = 0;
  let count = 0;
  for (const id in fw.competencies) {
    count++;
    if (fw.competencies[id]!.pinned) pinned++;
  }

  if (format === 'moodle' || format === 'canvas') {
    // Both LMSs keep a tree of competencies / outcomes and their text; what the map itself says is lost.
    if (fw.prerequisites.size) {
      lost.push(
        format === 'moodle'
          ? `the direction of the ${plural(fw.prerequisites.size, 'prerequisite link', 'prerequisite links')} (Moodle links them as “related”; each description still says what to master first)`
          : `the ${plural(fw.prerequisites.size, 'prerequisite link', 'prerequisite links')} as links (Canvas outcomes have none; each description says what to master first)`,
      );
    }
    if (linkNotes) lost.push(`prerequisite notes (${linkNotes})`);
    if (comments) lost.push(`review comments (${comments})`);
    if (sets) lost.push(`the standards sets themselves (${sets}; each description names the aligned standards’ codes)`);
    if (phaseDescriptions) lost.push('the mastery phases’ descriptions (the phase labels become the scale)');
    if (kept) lost.push(kept);
    if (count) lost.push('canvas positions and domain colours');
    const to = format === 'moodle' ? 'Moodle' : 'Canvas';
    return lost.length ? `A ${to} file does not carry: ${lost.join('; ')}. Keep the framework file (or a CASE 1.1 export) as the full record.` : null;
  }

  // The competencies spreadsheet: one row per competency; the app reads it back as a new framework.
  if (fw.title.trim() !== '' || fw.description.trim() !== '') lost.push('the framework’s title, description and other details');
  if (phaseDescriptions) lost.push('the mastery phases’ descriptions (the labels are the column headers)');
  if (nested) lost.push(`domain nesting (${plural(nested, 'sub-domain', 'sub-domains')})`);
  if (described) lost.push(`domain descriptions (${described})`);
  if (linkNotes) lost.push(`prerequisite notes (${linkNotes})`);
  if (comments) lost.push(`review comments (${comments})`);
  if (sets) lost.push(`the standards sets themselves (${sets}; aligned standards are written as their codes)`);
  if (kept) lost.push(kept);
  if (count) lost.push(`canvas positions${pinned ? ' and pins' : ''} and domain colours`);
  return lost.length
    ? `A competencies CSV does not carry: ${lost.join('; ')}. Opened again (in the app, or by the progressions import command) it becomes a new framework without them.`
    : null;
}
