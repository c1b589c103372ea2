/**
 * Generates the example frameworks in `resources/examples/` from the specs in `scripts/examples/`.
 *
 *   npx tsx scripts/build-examples.ts          write the files
 *   npx tsx scripts/build-examples.ts --check  exit 1 if a committed file differs from the specs
 *
 * Ids are UUID v5 and time stamps are fixed, so re-running gives byte-identical files; edit the
 * specs, never the JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serializeFramework } from '../src-core/format/frameworkFile';
import type { Framework } from '../src-core/model/types';
import { buildGrade35Fractions } from './examples/grade35Fractions';
import { buildStudentScienceInquiry } from './examples/studentScienceInquiry';

export interface ExampleDefinition {
  /** Path relative to the repository root. */
  file: string;
  build: () => Framework;
}

/** Every generated example, in the order the app lists them. */
export const EXAMPLES: readonly ExampleDefinition[] = [
  { file: 'resources/examples/grade3-5-fractions.json', build: buildGrade35Fractions },
  { file: 'resources/examples/student-science-inquiry.json', build: buildStudentScienceInquiry },
];

/** The file text of every example, as the generator writes it. */
export function renderExamples(): { file: string; text: string }[] {
  return EXAMPLES.map((e) => ({ file: e.file, text: serializeFramework(e.build()) }));
}

function main(argv: string[]): number {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const check = argv.includes('--check');
  let stale = 0;
  for (const { file, text } of renderExamples()) {
    const path = join(root, file);
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        // missing counts as stale
      }
      if (current !== text) {
        stale++;
        console.error(`${file} is out of date: run npx tsx scripts/build-examples.ts`);
      }
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${file}`);
    }
  }
  return stale > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
