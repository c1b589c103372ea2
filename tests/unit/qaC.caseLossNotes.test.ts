import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './helpers/cli';

/**
 * A district publishing CASE is told on stderr what the package leaves out (docs/case-mapping.md:
 * "Anything the package cannot hold … is named in a note line on stderr"), so nothing is lost silently.
 */
const root = join(import.meta.dirname, '../..');
const science = join(root, 'resources/examples/student-science-inquiry.json'); // 5 review comments, partial alignments
const fractions = join(root, 'resources/examples/grade3-5-fractions.json'); // no comments
const cli = (args: string[]) => runCliCaptured(args, { disk: true });

describe('export says what the CASE package leaves out', () => {
  it('CASE 1.1 without --include-comments names the review comments it did not write', async () => {
    const r = await cli(['export', science]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note 5 review comment\(s\) were not exported \(--include-comments keeps them\)/);
    const withComments = await cli(['export', science, '--include-comments']);
    expect(withComments.stderr).not.toMatch(/review comment/);
    expect(JSON.parse(withComments.stdout).extensions.progressions.comments).toBeDefined();
  });

  it('CASE 1.1 of a framework without comments has nothing to say (lossless)', async () => {
    const r = await cli(['export', fractions]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('CASE 1.0 names, with counts, what 1.0 cannot hold — and the stdout package stays pure JSON', async () => {
    const r = await cli(['export', science, '--format', 'case-1.0']);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    const note = r.stderr.split('\n').find((l) => l.includes('CASE 1.0 cannot hold'));
    expect(note).toBeDefined();
    expect(note).toMatch(/review comments \(5\)/);
    expect(note).toMatch(/the standards sets themselves \(1: statements, levels, hierarchy/);
    expect(note).toMatch(/partial alignments \(6: written as isRelatedTo, read back as related\)/);
    expect(note).toMatch(/estimated hours \(11 competencies\)/);
    expect(note).toMatch(/Export CASE 1\.1 to keep everything\./);
  });

  it('CASE 1.0 of the fractions example names its prerequisite notes and standards, not comments it does not have', async () => {
    const r = await cli(['export', fractions, '--format', 'case-1.0']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/CASE 1\.0 cannot hold: .*prerequisite notes \(7\)/);
    expect(r.stderr).not.toMatch(/review comments/);
  });
});

describe('case10LossNote: the note the Export dialog shows before exporting', () => {
  it('is the one the CLI prints for the same framework, and null when 1.0 loses nothing', async () => {
    const { readFileSync } = await import('node:fs');
    const { loadFrameworkText } = await import('../../src-core/format/frameworkFile');
    const { case10LossNote } = await import('../../src-core/case');
    const loaded = loadFrameworkText(readFileSync(science, 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const note = case10LossNote(loaded.value.framework);
    expect(note).toMatch(/^CASE 1\.0 cannot hold: review comments \(5\)/);
    const r = await cli(['export', science, '--format', 'case-1.0']);
    expect(r.stderr).toContain(note!);
    const bare = { ...loaded.value.framework, competencies: {}, prerequisites: new Map(), alignments: new Map(), comments: {}, standardsSets: {}, educationLevels: [], phases: loaded.value.framework.phases.map((p) => ({ ...p, description: '' })) };
    expect(case10LossNote(bare)).toBeNull();
  });
});
