import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { importCaseFramework } from '../../src-core/case/import';
import type { CasePackage } from '../../src-core/case/types';
import { applyCommand, type Command } from '../../src-core/commands';
import { loadFrameworkText, schemaCheckFramework, serializeFramework } from '../../src-core/format/frameworkFile';
import type { CompetencyId, DomainId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { repoRoot } from './case/caseSchemas';

/**
 * tests/fixtures/qa-x-rubricless.case.json: a foreign CASE 1.0 package — a domain G3 (item type "Grade") with
 * competencies A, B and D (D has the package's one rubric, whose levels describe nothing), A precedes B, and C,
 * which the package links to nothing (no isChildOf, not even to the document) but relates to A.
 */
export const FIXTURE = join(repoRoot, 'tests/fixtures/qa-x-rubricless.case.json');
export const DOC = '11111111-1111-4111-8111-111111111111';
export const G = 'aaaaaaaa-0000-4000-8000-000000000001' as DomainId;
export const A = 'aaaaaaaa-0000-4000-8000-000000000002' as CompetencyId;
export const B = 'aaaaaaaa-0000-4000-8000-000000000003' as CompetencyId;
export const C = 'aaaaaaaa-0000-4000-8000-000000000004' as CompetencyId;
export const D = 'aaaaaaaa-0000-4000-8000-000000000005' as CompetencyId;

export const fixture = (): CasePackage => JSON.parse(readFileSync(FIXTURE, 'utf8')) as CasePackage;

/** Imports a package as the app does, and returns the framework as saved and opened again. */
export function importPackage(pkg: unknown): { framework: Framework; notes: string[] } {
  const r = importCaseFramework(JSON.parse(JSON.stringify(pkg)));
  if (!r.ok) throw new Error(r.error.message);
  expect(schemaCheckFramework(r.value.framework)).toEqual([]);
  const loaded = loadFrameworkText(serializeFramework(r.value.framework));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return { framework: loaded.value.framework, notes: r.value.notes };
}

export function run(fw: Framework, cmd: Command) {
  const out = applyCommand(fw, cmd);
  if (!out.ok) throw new Error(out.error.message);
  return out;
}
export const edit = (fw: Framework, cmd: Command): Framework => run(fw, cmd).framework;

/** A bundled example (never came from CASE). */
export function example(file: string): Framework {
  const loaded = loadFrameworkText(readFileSync(join(repoRoot, 'resources/examples', file), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.framework;
}
