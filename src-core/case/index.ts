/**
 * CASE 1.0 / 1.1 support: lenient import (`readCasePackage`, `caseToStandardsSet`,
 * `caseToFramework`, `importCaseFramework`) and strict export (`exportCase`, `writeCasePackage`).
 * The mapping is documented in docs/case-mapping.md.
 */
export * from './types';
export { readCasePackage, isCasePackageLike, normalizeDateTime, type CaseReadResult } from './read';
export { formatCaseReport, type CaseImportReport, type CaseReportEntry } from './report';
export { caseToStandardsSet, normalizeLevels, type CaseToStandardsOptions } from './toStandards';
export { caseToFramework, statusFromAdoption, type CaseToFrameworkResult } from './toFramework';
export { importCaseFramework, caseReadToFramework, type CaseFrameworkImport } from './import';
export { exportCase, writeCasePackage, case10LossNote, checkBaseUri, DEFAULT_CASE_BASE_URI, type CaseExportOptions } from './export';
export { CASE_ID_NAMESPACE, derivedId } from './caseIds';
export { casePackageUrl, type CasePackageUrl } from './serverUrl';
