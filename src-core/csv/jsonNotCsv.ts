import { isCasePackageLike } from '../case/read';
import { FORMAT_NAME } from '../model/types';
import { fail } from '../result';

/**
 * When text handed to a CSV reader is a JSON document (a CASE package or a framework file picked by
 * mistake), the failure that says so and where such a file goes; `null` for anything else. Without
 * it, a JSON file reads as a one-column table whose header is `{`.
 */
export function jsonInsteadOfCsv(text: string): ReturnType<typeof fail> | null {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return null;
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return fail('not-csv', 'This file is not a CSV: it starts like a JSON document ("{" or "[" on line 1). Choose a CSV file (comma-, semicolon- or tab-separated, one header row).', { path: 'row 1' });
  }
  const o = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (o && o.format === undefined && isCasePackageLike(o)) {
    return fail('not-csv', 'This is a CASE package (JSON), not a CSV: import it from the CASE package tab.', { path: 'row 1' });
  }
  if (o && o.format === FORMAT_NAME) {
    return fail('not-csv', 'This is a Progressions framework file (JSON), not a CSV: open it with Open….', { path: 'row 1' });
  }
  return fail('not-csv', 'This is a JSON file, not a CSV: choose a CSV file (comma-, semicolon- or tab-separated, one header row).', { path: 'row 1' });
}
