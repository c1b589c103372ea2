/** Validation of a framework: diagnostics, cycles and standards coverage (editor, main process, CLI). */
export { validateFramework } from './validateFramework';
export { createValidator, type Validator } from './validator';
export { computeCoverage, standardsSetsConsidered, standardLabel } from './coverage';
export { coverageListsFor } from './context';
export type { Coverage, CoverageBasis, CoverageSlice, DomainAlignment, SetCoverage } from './coverage';
export { CHECKS } from './types';
export type {
  CheckCode,
  CycleReport,
  Diagnostic,
  DiagnosticTarget,
  Severity,
  ValidateOptions,
  ValidationResult,
  ValidationSummary,
} from './types';
