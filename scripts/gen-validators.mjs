#!/usr/bin/env node
// Precompiles the published JSON Schemas into standalone validators (no eval at run time, so they
// work under the renderer's strict CSP). Run `npm run gen` after changing anything in schemas/;
// tests/unit/generatedValidators.test.ts fails when the committed output is stale.
//   node scripts/gen-validators.mjs          write src-core/generated/*.js
//   node scripts/gen-validators.mjs --check  exit 1 when the committed files differ
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateValidators } from './validatorCodegen.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
let stale = 0;
for (const { file, code } of generateValidators(root)) {
  const target = join(root, file);
  const old = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (old === code) continue;
  if (check) {
    console.error(`stale: ${file} (run npm run gen)`);
    stale++;
  } else {
    writeFileSync(target, code);
    console.log(`wrote ${file}`);
  }
}
process.exit(stale ? 1 : 0);
