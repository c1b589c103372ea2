import { schemaCheckFramework, type LoadProblem } from '../format/frameworkFile';
import { describeProblem } from '../format/schemaErrors';
import type { Framework } from '../model/types';
import { ok, type Result } from '../result';
import { readCasePackage, type CaseReadResult } from './read';
import { formatCaseReport, type CaseImportReport } from './report';
import { caseToFramework } from './toFramework';
import type { CaseVersion } from './types';

export interface CaseFrameworkImport {
  version: CaseVersion;
  framework: Framework;
  report: CaseImportReport;
  /** The report and the mapping's decisions as lines a person reads. */
  notes: string[];
}

/**
 * Reads a parsed CASE package as a framework: lenient read (`readCasePackage`), then the mapping
 * (`caseToFramework`), then the framework schema check, so that what comes out always loads and
 * saves. Fails with the reader's precise problem, or with the schema problems when the package's
 * Progressions extension data is damaged.
 */
export function importCaseFramework(value: unknown): Result<CaseFrameworkImport, LoadProblem> {
  const read = readCasePackage(value);
  if (!read.ok) return read;
  return caseReadToFramework(read.value);
}

/**
 * The second half of `importCaseFramework`, for callers that already read the package (e.g. to
 * show it as a standards set too): mapping + schema check, without reading it again.
 */
export function caseReadToFramework(read: CaseReadResult): Result<CaseFrameworkImport, LoadProblem> {
  const { version, pkg, report } = read;
  const { framework, notes } = caseToFramework(pkg);
  const problems = schemaCheckFramework(framework);
  if (problems.length > 0) {
    const first = problems[0]!;
    return {
      ok: false,
      error: {
        code: 'case-mapping',
        message: `The CASE package could not be turned into a valid framework: ${describeProblem(first)}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}. Its "progressions" extension data may be damaged.`,
        path: first.path,
        details: problems,
      },
    };
  }
  return ok({ version, framework, report, notes: [...formatCaseReport(report), ...notes] });
}
