/**
 * Modules other engineers are still landing are loaded by computed path, so the harness type-checks and
 * runs before they exist; a benchmark whose module is missing reports "not landed yet".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');

/** Imports `src-core/<rel>` if the file exists, else undefined. */
export async function optionalCore(rel: string): Promise<Record<string, unknown> | undefined> {
  const file = join(root, 'src-core', rel);
  if (!existsSync(file)) return undefined;
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (e) {
    console.error(`bench: could not load src-core/${rel}: ${(e as Error).message}`);
    return undefined;
  }
}

/** The first function exported under one of `names`. */
export function pick<F>(mod: Record<string, unknown> | undefined, ...names: string[]): F | undefined {
  if (!mod) return undefined;
  for (const n of names) if (typeof mod[n] === 'function') return mod[n] as F;
  return undefined;
}
