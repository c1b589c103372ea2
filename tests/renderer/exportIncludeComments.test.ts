import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { buildTextExport } from '../../src-renderer/src/dialogs/export/exportFormats';
import { readIncludeComments, rememberIncludeComments } from '../../src-renderer/src/dialogs/export/exportPrefs';
import { runCliCaptured } from '../unit/helpers/cli';

/**
 * The Export dialog's "Include review comments" (CASE 1.1) writes the very file the CLI writes with
 * `export --format case-1.1 --include-comments`: a district that exports from the app and from a script
 * gets the same package, byte for byte.
 */
const science = join(import.meta.dirname, '../../resources/examples/student-science-inquiry.json'); // 5 review comments
const cli = (args: string[]) => runCliCaptured(args, { disk: true });
const loaded = loadFrameworkText(readFileSync(science, 'utf8'));
if (!loaded.ok) throw new Error(loaded.error.message);
const fw = loaded.value.framework;
const appBytes = (format: 'case-1.1' | 'case-1.0', baseUri: string, includeComments: boolean) => buildTextExport(fw, format, baseUri, { includeComments }).chunks.join('');

describe('Export dialog: review comments in a CASE 1.1 package', () => {
  it('with the option on, the app writes the same bytes as the CLI’s --include-comments', async () => {
    const r = await cli(['export', science, '--format', 'case-1.1', '--include-comments']);
    expect(r.code).toBe(0);
    const app = appBytes('case-1.1', '', true);
    expect(app).toBe(r.stdout);
    expect(Object.keys((JSON.parse(app) as { extensions: { progressions: { comments: object } } }).extensions.progressions.comments)).toHaveLength(5);
  });

  it('the same with a base URI', async () => {
    const base = 'https://case.example.org/ims/case/v1p1';
    const r = await cli(['export', science, '--format', 'case-1.1', '--include-comments', '--base-uri', base]);
    expect(appBytes('case-1.1', base, true)).toBe(r.stdout);
  });

  it('with the option off (the default), the same bytes as the CLI without it: no comments', async () => {
    const r = await cli(['export', science, '--format', 'case-1.1']);
    expect(appBytes('case-1.1', '', false)).toBe(r.stdout);
    expect(buildTextExport(fw, 'case-1.1', '').chunks.join('')).toBe(r.stdout);
    expect(r.stdout).not.toContain('"comments"');
  });

  it('CASE 1.0 has no place for comments: the option changes nothing there (as in the CLI)', async () => {
    const r = await cli(['export', science, '--format', 'case-1.0', '--include-comments']);
    expect(appBytes('case-1.0', '', true)).toBe(r.stdout);
    expect(appBytes('case-1.0', '', true)).toBe(appBytes('case-1.0', '', false));
  });
});

describe('the dialog remembers the choice', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };

  it('is off until turned on, then stays as last chosen', () => {
    const s = memory();
    expect(readIncludeComments(s)).toBe(false);
    rememberIncludeComments(true, s);
    expect(readIncludeComments(s)).toBe(true);
    rememberIncludeComments(false, s);
    expect(readIncludeComments(s)).toBe(false);
  });

  it('storage that is missing, full or refused never breaks the dialog (off, nothing thrown)', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readIncludeComments(broken)).toBe(false);
    expect(() => rememberIncludeComments(true, broken)).not.toThrow();
    expect(readIncludeComments(undefined)).toBe(false);
    expect(readIncludeComments({ getItem: () => 'yes please' })).toBe(false);
  });
});
