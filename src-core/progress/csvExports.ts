import { escapeCell, escapeCodeCell } from '../csv/competencyCsv';
import { writeCsv } from '../csv/papa';
import type { Framework } from '../model/types';
import { progressToCsv } from './csv';
import { todayIso } from './dates';
import { classSummary } from './mastery';
import type { Progress } from './types';

/*
 * Files the Learners panel writes besides the progress file itself (the app saves them through the
 * host; they are plain text, so any caller can write them): the progress as a CSV that imports back, the
 * class summary, and a template to fill in.
 */

/**
 * The progress as a CSV that imports back into this framework: records of competencies or phases the
 * framework no longer has (deleted since, or from another version) cannot be written by code and label,
 * and one such row would make the whole file refused, so they are left out and counted.
 */
export function progressCsvExport(p: Progress, fw: Framework): { content: string; leftOut: number } {
  const phases = new Set(fw.phases.map((x) => x.id as string));
  const records = p.records.filter((r) => fw.competencies[r.competencyId] && phases.has(r.phaseId));
  return { content: progressToCsv({ ...p, records }, fw), leftOut: p.records.length - records.length };
}

/**
 * The class summary as a spreadsheet (one row per competency: how many and who are ready, in progress,
 * mastered, blocked), to print or to plan groups. Names, not ids; UTF-8 with a byte order mark.
 */
export function classSummaryCsv(fw: Framework, p: Progress): string {
  const names = new Map(p.learners.map((l) => [l.id, l.name]));
  const who = (ids: string[]) => escapeCell(ids.map((id) => names.get(id) ?? id).join('; '));
  const rows = classSummary(fw, p).map((r) => {
    const c = fw.competencies[r.competencyId]!;
    return [escapeCodeCell(c.code.trim() || r.competencyId), escapeCell(c.statement), String(r.ready.length), who(r.ready), String(r.inProgress.length), who(r.inProgress), String(r.mastered.length), who(r.mastered), String(r.blocked.length)];
  });
  return writeCsv([['competency', 'statement', 'ready', 'ready: who', 'in progress', 'in progress: who', 'mastered', 'mastered: who', 'blocked'], ...rows], {
    quoteAll: false,
    bom: true,
    newline: '\r\n',
  });
}

/**
 * A progress CSV to fill in, for this framework: the header and two example rows with real codes and
 * phase labels of the framework and today's date written YYYY-MM-DD (delete the examples before importing).
 */
export function progressTemplateCsv(fw: Framework, today: string = todayIso()): string {
  const comps = Object.values(fw.competencies)
    .filter((c) => c.code.trim())
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const code = (i: number) => comps[Math.min(i, comps.length - 1)]?.code.trim() ?? 'CODE.1';
  const threshold = fw.phases.find((p) => p.threshold)?.label ?? fw.phases[0]?.label ?? 'Proficient';
  const below = fw.phases[Math.max(0, fw.phases.findIndex((p) => p.threshold) - 1)]?.label ?? threshold;
  return writeCsv(
    [
      ['learner', 'name', 'competency', 'phase', 'date', 'evidence'],
      ['s01', 'Example Student', code(0), threshold, today, 'exit ticket'],
      ['s01', 'Example Student', code(1), below, today, 'observation in class'],
    ],
    { quoteAll: false, bom: true, newline: '\r\n' },
  );
}
