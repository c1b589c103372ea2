import { checkBaseUri, DEFAULT_CASE_BASE_URI, writeCasePackage } from '../../../../src-core/case';
import { writeCompetencyCsv } from '../../../../src-core/csv/competencyCsv';
import { writeCanvasCsv, type CanvasExportOptions } from '../../../../src-core/export/canvas';
import { writeMoodleCsv } from '../../../../src-core/export/moodle';
import { serializeFramework } from '../../../../src-core/format/frameworkFile';
import type { FileFilter } from '../../../../src-core/host/contract';
import type { Framework } from '../../../../src-core/model/types';
import type { PaperSize, PrintAudience, PrintLayout, PrintScope } from '../../../../src-core/export/printable';

/** Every format the export dialog offers. */
export type ExportFormat = 'json' | 'case-1.1' | 'case-1.0' | 'csv' | 'moodle' | 'canvas' | 'png' | 'svg' | 'html';

/** The longest side of a PNG of the map, in pixels (a bigger map is drawn smaller: its text then reads better as SVG). */
export const MAX_PNG_SIDE = 4096;

export const EXPORT_FORMATS: { id: ExportFormat; label: string; hint: string; gated: boolean }[] = [
  { id: 'case-1.1', label: 'CASE 1.1 package', hint: 'For CASE servers, OpenSALT, state systems (lossless)', gated: true },
  { id: 'case-1.0', label: 'CASE 1.0 package', hint: 'For older CASE consumers', gated: true },
  { id: 'json', label: 'Progressions framework (JSON)', hint: 'The framework file, as saved', gated: false },
  { id: 'csv', label: 'Competencies CSV', hint: 'One row per competency, opens in a spreadsheet', gated: false },
  { id: 'moodle', label: 'Moodle competency framework', hint: 'CSV for Moodle’s framework import tool', gated: true },
  { id: 'canvas', label: 'Canvas outcomes', hint: 'CSV for Canvas LMS outcomes import', gated: true },
  { id: 'png', label: 'Map image (PNG)', hint: `The whole map or the current view, at most ${MAX_PNG_SIDE.toLocaleString('en-US')} px a side (a big map reads better as SVG)`, gated: false },
  { id: 'svg', label: 'Map image (SVG)', hint: 'The whole map or the current view, sharp at any size', gated: false },
  { id: 'html', label: 'Printable mastery map', hint: 'In full or as a summary table, the whole map or one domain or grade; A4 or Letter', gated: false },
];

/** Maps a menu command's format id (`export:<id>`) to a dialog format. */
export function formatFromCommand(id: string | undefined): ExportFormat {
  const f = EXPORT_FORMATS.find((x) => x.id === id);
  if (f) return f.id;
  if (id === 'case') return 'case-1.1';
  if (id === 'print' || id === 'pdf') return 'html';
  return 'case-1.1';
}

/** The framework's file name stem: its title in kebab case. */
export function fileStem(fw: Framework): string {
  return slug(fw.title) || 'framework';
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * The printable map's file name (without extension): the framework, the part printed (`.fractions`, `.grade-03`,
 * `.selection`), `.summary`, the audience and the paper — two prints of one map never get the same name.
 */
export function printFileName(fw: Framework, o: { audience: PrintAudience; paper: PaperSize; layout: PrintLayout; only: PrintScope }): string {
  const parts = [fileStem(fw)];
  const d = o.only.domainId !== undefined ? fw.domains.find((x) => x.id === o.only.domainId) : undefined;
  if (d) parts.push(slug(d.code) || slug(d.title) || 'domain');
  if (o.only.level !== undefined) parts.push(`grade-${slug(o.only.level) || 'level'}`);
  if (o.only.competencyIds !== undefined) parts.push('selection');
  if (o.layout === 'summary') parts.push('summary');
  parts.push(o.audience, o.paper);
  return parts.join('.');
}

/** A text export ready for the host's `export:save`. */
export interface TextExport {
  suggestedName: string;
  chunks: string[];
  mimeType: string;
  filters: FileFilter[];
}

/** What a text export may add; `includeComments`: review comments in a CASE 1.1 package (the CLI's `--include-comments`; ignored elsewhere). */
export interface TextExportOptions {
  includeComments?: boolean;
  /** Canvas's calculation method and the friendly_description column (the CLI's `--canvas-*` options). */
  canvas?: CanvasExportOptions;
}

/**
 * Builds a text export (JSON, CASE, CSV formats): the same bytes as `progressions export` with the same
 * format and options. Throws only on a bad base URI (checked before).
 */
export function buildTextExport(fw: Framework, format: Exclude<ExportFormat, 'png' | 'svg' | 'html'>, baseUri: string, opts: TextExportOptions = {}): TextExport {
  const stem = fileStem(fw);
  const csv = (name: string, text: string): TextExport => ({ suggestedName: name, chunks: [text], mimeType: 'text/csv', filters: [{ name: 'CSV', extensions: ['csv'] }] });
  switch (format) {
    case 'json':
      return { suggestedName: `${stem}.json`, chunks: [serializeFramework(fw)], mimeType: 'application/json', filters: [{ name: 'Progressions framework', extensions: ['json'] }] };
    case 'case-1.1':
    case 'case-1.0': {
      const version = format === 'case-1.1' ? '1.1' : '1.0';
      const chunks: string[] = [];
      let buf = '';
      // as the CLI's formats (src-main/cli/commands/export.ts): comments go only into a 1.1 package
      const includeComments = version === '1.1' && opts.includeComments === true;
      writeCasePackage(fw, { version, baseUri: effectiveBaseUri(baseUri), ...(includeComments ? { includeComments } : {}) }, (c) => {
        buf += c;
        if (buf.length > 1 << 20) {
          chunks.push(buf);
          buf = '';
        }
      });
      if (buf) chunks.push(buf);
      return { suggestedName: `${stem}.case-${version}.json`, chunks, mimeType: 'application/json', filters: [{ name: `CASE ${version} package`, extensions: ['json'] }] };
    }
    case 'csv':
      return csv(`${stem}.competencies.csv`, writeCompetencyCsv(fw));
    case 'moodle':
      return csv(`${stem}.moodle.csv`, writeMoodleCsv(fw));
    case 'canvas':
      return csv(`${stem}.canvas-outcomes.csv`, writeCanvasCsv(fw, opts.canvas));
  }
}

/** Why a base URI cannot be used, or null. */
export function baseUriProblem(baseUri: string): string | null {
  return baseUri.trim() === '' ? null : (checkBaseUri(baseUri.trim()) ?? null);
}

/** The base64 payload of a `data:…;base64,` URL (PNG bytes travel to the host as base64 text). */
export function dataUrlBase64(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  if (comma < 0 || !dataUrl.slice(0, comma).endsWith(';base64')) throw new Error('The image is not a base64 data URL.');
  return dataUrl.slice(comma + 1);
}

/** The base URI a CASE export uses: the one typed, or the exporter's default when empty (no trailing slash). */
export function effectiveBaseUri(baseUri: string): string {
  return (baseUri.trim() || DEFAULT_CASE_BASE_URI).replace(/\/+$/, '');
}
