import { readFrameworkAny, type ReadOutcome } from '../../src-core/formats/readAny';
import type { Problem } from '../../src-core/result';
import type { CliIo } from './io';

/**
 * Reads and detects a framework input for a command. On failure prints one clear line to stderr
 * (plus the schema problems, one per line) and returns undefined: the caller exits 2. With
 * `onSchemaProblems`, a file in our format that breaks the schema is handed to the caller instead
 * (`validate` reports those as problems found, exit 1).
 */
export async function readInput(
  cmd: string,
  path: string | undefined,
  io: CliIo,
  onSchemaProblems?: (problems: Problem[]) => void,
): Promise<ReadOutcome | undefined> {
  if (!path) {
    io.err(`progressions ${cmd}: missing <file>. Run \`progressions ${cmd} --help\`.\n`);
    return undefined;
  }
  const text = await io.readText(path);
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
    io.err(`progressions ${cmd}: ${path}: ${e.message}\n`);
    for (const d of (e.details ?? []).slice(1, 50)) io.err(`  ${d.path}: ${d.message}\n`);
    return undefined;
  }
  return read.value;
}
