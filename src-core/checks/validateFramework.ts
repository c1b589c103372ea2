import type { Framework } from '../model/types';
import { checkCompetencies } from './checkCompetencies';
import { checkHierarchies } from './checkHierarchies';
import { checkIntegrity } from './checkIntegrity';
import { checkMastery } from './checkMastery';
import { checkPrerequisites } from './checkPrerequisites';
import { CheckContext } from './context';
import { computeCoverage, standardsSetsConsidered, standardLabel } from './coverage';
import { standardsTree } from './standardsTree';
import { CHECKS, type Diagnostic, type ValidateOptions, type ValidationResult } from './types';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;
const CODE_RANK = new Map(Object.keys(CHECKS).map((c, i) => [c, i]));

/**
 * Validates a framework: prerequisite cycles and link integrity, record integrity, mastery
 * completeness, the shape of the progression, hierarchy loops and standards coverage. The same code
 * runs live in the editor, in the main process and in the CLI; it never throws on bad data and never
 * changes `fw`.
 *
 * Cost is linear in the size of the framework, apart from the redundant-link search (pruned, with a
 * work budget; turn it off with `redundantLinks: false` when every millisecond counts).
 *
 * Live use: when the document's records are frozen (every immer state is), what an edit did not touch
 * is reused from earlier runs — the graph and its analysis, the competency table (each competency's own
 * findings), messages about the graph while no name changes, alignment findings and coverage — so the
 * result objects may be shared between runs: treat them as read-only. Documents that are not frozen are
 * validated from scratch every time. The editor uses `createValidator` (validator.ts; the same results). See
 * docs/validation.md, "Performance and incremental validation".
 */
export function validateFramework(fw: Framework, opts: ValidateOptions = {}): ValidationResult {
  const ctx = new CheckContext(fw, opts.lists);
  const { sets } = standardsSetsConsidered(fw, opts.standardsSets);

  const graph = checkPrerequisites(ctx, { redundantLinks: opts.redundantLinks !== false });
  checkIntegrity(ctx);
  checkCompetencies(ctx);
  checkMastery(ctx);
  checkHierarchies(ctx, sets);

  const coverage = computeCoverage(fw, opts.standardsSets, ctx.coverageLists());
  if (coverage) {
    for (const s of coverage.sets) {
      if (s.uncovered.length === 0) continue;
      const which = s.basis === 'leaf' ? 'leaf standards' : s.basis === 'assessable' ? 'standards marked assessable' : 'assessable and leaf standards';
      const items = sets.find((x) => x.id === s.setId)?.items ?? {};
      ctx.add(
        'uncovered-standards',
        'standard',
        s.uncovered,
        `${s.uncovered.length} of the ${s.standards} ${which} of “${s.title}” ${s.uncovered.length === 1 ? 'is' : 'are'} not covered by any competency: ${ctx.names(s.uncovered, (id) => (items[id] ? standardLabel(items[id]) : id))}.`,
      );
    }
    if (coverage.unaligned.length) {
      const n = coverage.unaligned.length;
      ctx.add(
        'unaligned',
        'competency',
        coverage.unaligned,
        `${n === 1 ? '1 competency is' : `${n} competencies are`} aligned to no standard: ${ctx.names(coverage.unaligned)}.`,
      );
    }
  }

  const diagnostics = sortDiagnostics(ctx.diagnostics);
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  let standards = 0;
  for (const s of sets) standards += standardsTree(s, ctx.trees).ids.length;
  return {
    ok: errors === 0,
    diagnostics,
    cycles: graph.cycles,
    coverage,
    summary: {
      errors,
      warnings,
      infos,
      competencies: ctx.competencies.values.length,
      prerequisites: ctx.links.values.length,
      domains: fw.domains.length,
      standards,
      alignments: ctx.alignments.values.length,
      acyclic: graph.cycles.length === 0,
      roots: graph.roots,
      leaves: graph.leaves,
      isolated: graph.isolated,
      longestChain: graph.layering.longestChain,
      longestChainIds: graph.layering.longestChainIds,
      redundantLinksChecked: graph.redundantLinksChecked,
    },
  };
}

/** Errors first, then warnings, then infos; within a severity in {@link CHECKS} order; stable otherwise. */
function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  // Array.prototype.sort is stable, so equal diagnostics keep the order the checks found them in.
  return ds.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || CODE_RANK.get(a.code)! - CODE_RANK.get(b.code)!);
}
