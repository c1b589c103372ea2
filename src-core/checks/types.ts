import type { CompetencyId, LinkId } from '../model/ids';
import type { FrameworkRecordLists } from '../model/recordLists';
import type { StandardsSet } from '../model/types';
import type { Coverage } from './coverage';

/** How bad a finding is. Errors make a framework invalid (CLI exit 1); warnings and infos do not. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Every check code, with its usual severity and a short title for grouping in a problems panel.
 * Codes are a stable contract (CLI `--json`, README): never rename one; add new ones.
 */
export const CHECKS = {
  'prerequisite-cycle': { severity: 'error', title: 'Prerequisite cycles' },
  'self-link': { severity: 'error', title: 'Competencies listed as their own prerequisite' },
  'duplicate-link': { severity: 'warning', title: 'Duplicate prerequisite links' },
  'dangling-link': { severity: 'error', title: 'Links to missing competencies' },
  'dangling-alignment': { severity: 'error', title: 'Alignments to missing competencies or standards' },
  'duplicate-alignment': { severity: 'warning', title: 'Duplicate alignments' },
  'dangling-domain': { severity: 'error', title: 'Competencies in a missing domain' },
  'dangling-parent': { severity: 'error', title: 'Domains under a missing parent domain' },
  'duplicate-id': { severity: 'error', title: 'Duplicate or mismatched ids' },
  'duplicate-code': { severity: 'error', title: 'Duplicate competency codes' },
  'empty-code': { severity: 'info', title: 'Competencies without a code' },
  'empty-statement': { severity: 'error', title: 'Competencies without a statement' },
  'no-domain': { severity: 'warning', title: 'Competencies in no domain' },
  'unknown-education-level': { severity: 'warning', title: 'Unknown grade-level codes' },
  'threshold-count': { severity: 'error', title: 'Mastery threshold of the scale' },
  'threshold-undescribed': { severity: 'warning', title: 'Mastery threshold not described' },
  'phase-order': { severity: 'warning', title: 'Mastery phases described out of order' },
  'unknown-phase': { severity: 'warning', title: 'Descriptions of phases not on the scale' },
  isolated: { severity: 'info', title: 'Competencies with no prerequisite links' },
  'grade-regression': { severity: 'warning', title: 'Prerequisites from a later grade' },
  'redundant-link': { severity: 'info', title: 'Links implied by other links' },
  'domain-cycle': { severity: 'error', title: 'Domains nested in a loop' },
  'standards-cycle': { severity: 'error', title: 'Standards nested in a loop' },
  'uncovered-standards': { severity: 'warning', title: 'Standards not covered' },
  unaligned: { severity: 'info', title: 'Competencies aligned to no standard' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

/** A stable check code (see {@link CHECKS}). */
export type CheckCode = keyof typeof CHECKS;

/** What the `ids` of a diagnostic name. */
export type DiagnosticTarget = 'competency' | 'link' | 'alignment' | 'domain' | 'standard' | 'phase' | 'framework';

/** One finding of a check. */
export interface Diagnostic {
  severity: Severity;
  code: CheckCode;
  /** A sentence a teacher understands; competencies are named by their code. */
  message: string;
  /**
   * The ids involved, of the kind given by `target` — competency ids for every check about
   * competencies and links (a cycle's members in path order), so the editor can select them.
   */
  ids: string[];
  /** What `ids` name. */
  target: DiagnosticTarget;
  /** Prerequisite links involved (self-links, duplicates, dangling and redundant links, a cycle's links). */
  links?: LinkId[];
  /** For `prerequisite-cycle`: the closed path `[A, B, C, A]`; for `redundant-link`: the implying chain. */
  path?: CompetencyId[];
}

/** One cyclic group of competencies, for highlighting. */
export interface CycleReport {
  /** All members: first those on `path`, in path order. */
  members: CompetencyId[];
  /** A closed path `[A, B, C, A]`; each competency is a prerequisite of the next. */
  path: CompetencyId[];
  /** The links along `path`, in order. */
  links: LinkId[];
}

/** Headline figures of a validation run. */
export interface ValidationSummary {
  errors: number;
  warnings: number;
  infos: number;
  competencies: number;
  /** All prerequisite links, valid or not. */
  prerequisites: number;
  domains: number;
  /** All standards in the sets considered (the framework's and any given in the options). */
  standards: number;
  alignments: number;
  /** True when the prerequisites form no cycle. */
  acyclic: boolean;
  /** Competencies with no prerequisite that unlock at least one other. */
  roots: number;
  /** Competencies that require at least one other and unlock none. */
  leaves: number;
  /** Competencies with no link at all. */
  isolated: number;
  /** Competencies on the longest prerequisite chain (a cyclic group counts once). */
  longestChain: number;
  longestChainIds: CompetencyId[];
  /** False when the redundant-link search was skipped (cycles, or turned off) or hit its work budget. */
  redundantLinksChecked: boolean;
}

/** Everything `validateFramework` finds. */
export interface ValidationResult {
  /** True when there is no error. */
  ok: boolean;
  /** Ordered: errors first, then warnings, then infos; within a severity, by check. */
  diagnostics: Diagnostic[];
  cycles: CycleReport[];
  /** Coverage of every standards set considered, or null when there is none. */
  coverage: Coverage | null;
  summary: ValidationSummary;
}

export interface ValidateOptions {
  /**
   * More standards sets to measure coverage against (the CLI's `--standards`). A set with the id of
   * one of the framework's own sets, or the same CASE document id, replaces it for coverage;
   * alignments to the framework's copy are matched to it by standard id, then uri, then code.
   */
  standardsSets?: readonly StandardsSet[];
  /** Search for links implied by transitivity (default true). */
  redundantLinks?: boolean;
  /**
   * The framework's large records as its loader already enumerated them (`LoadedFramework.lists` of a
   * file just loaded), so validation does not enumerate them again. Valid only while the framework is
   * unchanged since it was loaded.
   */
  lists?: FrameworkRecordLists;
}
