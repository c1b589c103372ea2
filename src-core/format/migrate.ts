import { fail, ok, type Result } from '../result';
import { CURRENT_FORMAT_VERSION } from '../model/types';
import { MIGRATIONS, type Migration } from './migrations';

export interface MigrationOutcome {
  file: Record<string, unknown>;
  /** The steps applied, in order (empty when the file was current). */
  applied: string[];
}

/**
 * Brings an envelope up to `target` by applying each numbered step in turn. The input is cloned
 * before the first step, so a failing step leaves the caller's object untouched (a current file needs
 * no step and is returned as it is, without the cost of a clone). A file newer than `target` is
 * refused — never half-read.
 */
export function migrateFile(
  input: Record<string, unknown>,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_FORMAT_VERSION,
): Result<MigrationOutcome> {
  const version = input.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    // JSON.stringify would say `null` for 1e400 (read as Infinity) and nothing for a missing field.
    const found =
      version === undefined
        ? 'nothing (the field is missing)'
        : typeof version === 'number' && !Number.isFinite(version)
          ? 'a number too large to be a version'
          : JSON.stringify(version);
    return fail('bad-version', `formatVersion must be a positive whole number, found ${found}.`, {
      path: '/formatVersion',
    });
  }
  if (version > target) {
    return fail(
      'newer-version',
      `This file uses format version ${version}, but this version of Progressions reads up to version ${target}. Update Progressions to open it.`,
      { path: '/formatVersion' },
    );
  }
  // Current files need no step and are returned as they are; otherwise clone once, before the first step.
  if (version === target) return ok({ file: input, applied: [] });
  let file = structuredClone(input);
  const applied: string[] = [];
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return fail('no-migration', `No migration from format version ${v} to ${v + 1}.`, { path: '/formatVersion' });
    try {
      file = step.up(file);
    } catch (e) {
      return fail('migration-failed', `Upgrading from format version ${v} failed (${step.name}): ${String(e)}`);
    }
    file.formatVersion = v + 1;
    applied.push(step.name);
  }
  return ok({ file, applied });
}
