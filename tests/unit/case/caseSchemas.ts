import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';

/** The repository root (tests/unit/case → ../../..). */
export const repoRoot = join(__dirname, '..', '..', '..');
/** The shared CASE reference folder (absent in a user's own clone: tests that need it skip). */
export const caseRefDir = join(repoRoot, '../shared/reference/case');
export const caseSchemaDir = join(caseRefDir, 'schema');
export const casePackagesDir = join(caseRefDir, 'packages');
export const haveCaseSchemas = existsSync(join(caseSchemaDir, 'case_v1p1_cfpackage_jsonschema1.official.json'));
export const haveCasePackages = existsSync(casePackagesDir);
export const SKIP_MESSAGE = '../shared/reference/case is absent (not part of a user clone): official-schema and real-package tests skipped';

let v11: ValidateFunction | undefined;
let v10: ValidateFunction | undefined;

/** The official CASE 1.1 package JSON Schema, compiled with ajv 2019 + ajv-formats. */
export function case11Validator(): ValidateFunction {
  if (!v11) {
    const schema = JSON.parse(readFileSync(join(caseSchemaDir, 'case_v1p1_cfpackage_jsonschema1.official.json'), 'utf8'));
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    v11 = ajv.compile(schema);
  }
  return v11;
}

/** CFPackage.Type from the `definitions` of the official CASE 1.0 Swagger file. */
export function case10Validator(): ValidateFunction {
  if (!v10) {
    const swagger = JSON.parse(readFileSync(join(caseSchemaDir, 'case_v1p0_openapi2_swagger.official.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    ajv.addFormat('float', { type: 'number', validate: () => true });
    v10 = ajv.compile({ definitions: swagger.definitions, $ref: '#/definitions/CFPackage.Type' });
  }
  return v10;
}

/** The errors of validating `pkg` (empty when valid), as short lines. */
export function caseSchemaErrors(version: '1.0' | '1.1', pkg: unknown): string[] {
  const v = version === '1.1' ? case11Validator() : case10Validator();
  if (v(pkg)) return [];
  return (v.errors ?? []).slice(0, 20).map((e: ErrorObject) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}
