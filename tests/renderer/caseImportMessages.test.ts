import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCaseImport } from '../../src-renderer/src/dialogs/import/caseImport';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('CASE import dialog messages', () => {
  it('says where a broken JSON file breaks, once (no repeated file name or position)', () => {
    const r = runCaseImport('{\n  "CFDocument": {\n', 'broken.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/^Not valid JSON at line \d+, column \d+/);
    expect(r.error.path).toBeUndefined();
  });

  it('tells a user who picked a Progressions framework file to open it instead', () => {
    const text = readFileSync(join(repoRoot, 'resources/examples/student-science-inquiry.json'), 'utf8');
    const r = runCaseImport(text, 'student-science-inquiry.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain('Progressions framework file, not a CASE package');
    expect(r.error.message).toContain('Open…');
  });

  it('tells a user who picked a CSV to use the CSV tabs, not "Not valid JSON at line 1, column 1"', () => {
    const text = readFileSync(join(repoRoot, 'tests/fixtures/standards/state-math-sample.csv'), 'utf8');
    const r = runCaseImport(text, 'state-math-sample.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('This looks like a CSV file, not a CASE package (JSON): import it from the Standards CSV or Competencies CSV tab.');
  });
});
