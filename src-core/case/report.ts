/**
 * The import report of a CASE package: what was read, which real-world deviations were accepted
 * (and converted), and what was ignored and why. Repeated findings are counted once with the
 * JSON pointer of the first occurrence, so a 3,000-association package gives a short report.
 */
export interface CaseReportEntry {
  /** JSON pointer of the first occurrence in the input. */
  path: string;
  message: string;
  /** How many times it occurred. */
  count: number;
}

export interface CaseImportReport {
  /** How many objects of each kind were read into the package. */
  read: { items: number; associations: number; rubrics: number; definitions: number };
  /** Deviations from the official schema that were tolerated (and how they were converted). */
  accepted: CaseReportEntry[];
  /** What was not read, with the reason. */
  ignored: CaseReportEntry[];
}

/** Collects report entries, aggregating by a key (kind of finding), keeping the first path. */
export class CaseReporter {
  private readonly acc = new Map<string, CaseReportEntry>();
  private readonly ign = new Map<string, CaseReportEntry>();

  /** A tolerated deviation. `key` groups repeats (defaults to the message). */
  accept(path: string, message: string, key: string = message): void {
    bump(this.acc, key, path, message);
  }

  /** A tolerated deviation seen `count` times at once. */
  acceptMany(path: string, message: string, count: number, key: string = message): void {
    bump(this.acc, key, path, message);
    this.acc.get(key)!.count += count - 1;
  }

  /** Something dropped, with the reason. */
  ignore(path: string, message: string, key: string = message): void {
    bump(this.ign, key, path, message);
  }

  report(read: CaseImportReport['read']): CaseImportReport {
    return { read, accepted: [...this.acc.values()], ignored: [...this.ign.values()] };
  }
}

function bump(map: Map<string, CaseReportEntry>, key: string, path: string, message: string): void {
  const e = map.get(key);
  if (e) e.count++;
  else map.set(key, { path, message, count: 1 });
}

/** The report as lines a person reads (CLI output, the app's import dialog). */
export function formatCaseReport(report: CaseImportReport): string[] {
  const r = report.read;
  const lines = [
    `read ${r.items} item(s), ${r.associations} association(s), ${r.rubrics} rubric(s), ${r.definitions} definition(s)`,
  ];
  const times = (n: number) => (n > 1 ? ` (${n} times, first at ` : ' (at ');
  for (const e of report.accepted) lines.push(`accepted: ${e.message}${times(e.count)}${e.path})`);
  for (const e of report.ignored) lines.push(`ignored: ${e.message}${times(e.count)}${e.path})`);
  return lines;
}

/** A value shortened for a message (huge strings stay readable). */
export function preview(value: unknown, max = 60): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  // JSON.stringify says `null` for these: 1e400 in the file is read as Infinity.
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : `${value < 0 ? '-' : ''}1e309 or more`;
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value.length > max ? value.slice(0, max) : value) : JSON.stringify(value);
  } catch {
    s = String(value);
  }
  if (s === undefined) s = String(value);
  if (typeof value === 'string' && value.length > max) s = `${s.slice(0, -1)}…"`;
  return s.length > max + 3 ? `${s.slice(0, max)}…` : s;
}
