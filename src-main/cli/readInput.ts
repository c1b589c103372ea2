import { readFrameworkAny, type ReadOutcome } from '../../src-core/formats/readAny';
import type { SchemaProblem } from '../../src-core/format/schemaErrors';
import { describeProblem } from '../../src-core/format/schemaErrors';
import { findDuplicateKeys } from '../../src-core/format/json';
import type { Result } from '../../src-core/result';
import type { CliIo } from './io';

/**
 * Reads and detects a framework input for a command. On failure prints one clear line to stderr
 * (a file that breaks the schema: a heading and every problem, one per line, where it is in words and
 * by JSON pointer) and returns undefined: the caller exits 2. With
 * `onSchemaProblems`, a file in our format that breaks the schema is handed to the caller instead
 * (`validate` reports those as problems found, exit 1).
 */
export async function readInput(
  cmd: string,
  path: string | undefined,
  io: CliIo,
  onSchemaProblems?: (problems: SchemaProblem[]) => void,
  /** The file's text when the caller read it already: a pipe (`<(curl …)`, /dev/stdin) can be read only once. */
  preread?: Result<string>,
): Promise<ReadOutcome | undefined> {
  if (!path) {
    io.err(`progressions ${cmd}: missing <file>. Run \`progressions ${cmd} --help\`.\n`);
    return undefined;
  }
  const text = preread ?? (await io.readText(path));
  if (!text.ok) {
    io.err(`progressions ${cmd}: ${text.error.message}\n`);
    return undefined;
  }
  const read = readFrameworkAny(text.value);
  if (!read.ok) {
    const e = read.error;
    if (e.code === 'schema' && onSchemaProblems) {
      onSchemaProblems(e.details ?? [e]);
      return undefined;
    }
    const details = e.details ?? [];
    if (e.code === 'schema' && details.length > 1) {
      // Every problem, each where it is in words and by JSON pointer: one fix-up pass, not one per run.
      io.err(`progressions ${cmd}: ${path} does not match the framework format (${details.length} problems):\n`);
      for (const d of details) io.err(`  ${describeProblem(d)}\n`);
      return undefined;
    }
    io.err(`progressions ${cmd}: ${path}: ${e.message}\n`);
    for (const d of details.slice(1)) io.err(`  ${describeProblem(d)}\n`);
    return undefined;
  }
  const dups = duplicateKeyLines(path, text.value);
  if (dups) {
    io.err(`progressions ${cmd}: ${dups[0]}\n`);
    for (const line of dups.slice(1)) io.err(`${line}\n`);
    return undefined;
  }
  return read.value;
}

/**
 * JSON.parse keeps the last of two equal keys: a competency (or a standard, a learner's record …) written
 * twice under one id by a bad merge would vanish without a word. The lines that refuse such a text, each
 * pair by where it is, or undefined when there is none. `text` must be JSON that parsed.
 */
export function duplicateKeyLines(path: string, text: string): string[] | undefined {
  const dups = findDuplicateKeys(text);
  if (dups.length === 0) return undefined;
  return [
    `${path}: ${dups.length === 20 ? '20 or more keys appear' : dups.length === 1 ? 'a key appears' : `${dups.length} keys appear`} twice in one object; a JSON reader keeps only the last, so the first would be lost without a word. Remove or rename one of each pair:`,
    ...dups.map((d) => {
      const parent = d.pointer.slice(0, d.pointer.lastIndexOf('/')) || 'the top level';
      return `  "${d.key.length > 60 ? `${d.key.slice(0, 59)}…` : d.key}" in ${parent}: line ${d.first.line}, column ${d.first.column} and line ${d.again.line}, column ${d.again.column}`;
    }),
  ];
}
