import type { LoadProblem } from '../../../../src-core/format/schemaErrors';
import { BannerProblems, problemLines } from '../../app/BannerProblems';

/** Why the framework mapped from a CASE package cannot be opened, with how many problems it has. */
export function caseMappingProblemsText(count: number): string {
  return `The framework mapped from this package does not match the framework file format (${count} problem${count === 1 ? '' : 's'}); its “progressions” extension data may be damaged.`;
}

/**
 * Why a CASE package cannot be opened as a framework: every schema problem of the framework mapped
 * from it, listed as the open-error banner lists them (the first 50, how many more, Copy all).
 * Nothing when the failure carries no list.
 */
export function CaseMappingProblems({ error }: { error: LoadProblem }) {
  const problems = error.details ?? [];
  if (problems.length === 0) return null;
  return (
    <div className="pub-error" data-testid="case-mapping-problems">
      <p>{`${caseMappingProblemsText(problems.length)} It can still be added as a standards set.`}</p>
      <BannerProblems problems={problemLines(problems)} label="Problems in the framework mapped from the package" />
    </div>
  );
}
