import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFramework } from '../../src-core/model/defaults';
import { exportLossNote } from '../../src-core/export/lossNotes';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';
import { readCompetencyCsv, writeCompetencyCsv } from '../../src-core/csv/competencyCsv';
import type { Framework } from '../../src-core/model/types';
import { runCliCaptured } from './helpers/cli';

/**
 * The competencies CSV, Moodle and Canvas files leave part of a framework out; the Export dialog and
 * `progressions export` say what, with counts, before anyone relies on the file (docs/lms-exports.md).
 */
const root = join(import.meta.dirname, '../..');
const science = join(root, 'resources/examples/student-science-inquiry.json'); // 5 review comments
const fractions = join(root, 'resources/examples/grade3-5-fractions.json'); // 7 prerequisite notes, no comments
const load = (path: string): Framework => {
  const r = loadFrameworkText(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.framework;
};

describe('exportLossNote', () => {
  it('the competencies CSV names, with counts, what a CSV round trip really loses', () => {
    const fw = load(fractions);
    const note = exportLossNote(fw, 'csv')!;
    const notes = [...fw.prerequisites.values()].filter((l) => l.note.trim() !== '').length;
    expect(notes).toBe(7);
    expect(note).toMatch(/^A competencies CSV does not carry: /);
    expect(note).toContain(`prerequisite notes (${notes})`);
    expect(note).toContain(`the standards sets themselves (${Object.keys(fw.standardsSets).length}; aligned standards are written as their codes)`);
    expect(note).toContain(`domain descriptions (${fw.domains.filter((d) => d.description !== '').length})`);
    expect(note).not.toMatch(/review comments/);
    // What it says is lost is lost: read back, the links keep no note and there is no comment.
    const back = readCompetencyCsv(writeCompetencyCsv(fw));
    if (!back.ok) throw new Error(back.error.message);
    expect([...back.value.framework.prerequisites.values()].filter((l) => l.note !== '')).toHaveLength(0);
    expect(back.value.framework.prerequisites.size).toBe(fw.prerequisites.size);
  });

  it('counts review comments, and names each thing only when the framework has it', () => {
    const fw = load(science);
    expect(exportLossNote(fw, 'csv')).toContain('review comments (5)');
    const base = createFramework({ title: '' });
    const empty = { ...base, phases: base.phases.map((p) => ({ ...p, description: '' })) };
    expect(exportLossNote(base, 'csv')).toBe('A competencies CSV does not carry: the mastery phases’ descriptions (the labels are the column headers). Opened again (in the app, or by the progressions import command) it becomes a new framework without them.');
    expect(exportLossNote(empty, 'csv')).toBeNull();
    expect(exportLossNote(empty, 'moodle')).toBeNull();
    expect(exportLossNote(empty, 'canvas')).toBeNull();
  });

  it('singular and plural read right, and sub-domains are counted', () => {
    const fw = load(fractions);
    const parent = fw.domains[0]!;
    const nested: Framework = { ...fw, domains: [...fw.domains, { ...parent, id: 'd-sub' as never, code: 'SUB', parentId: parent.id }] };
    expect(exportLossNote(nested, 'csv')).toContain('domain nesting (1 sub-domain)');
    const oneLink: Framework = { ...fw, prerequisites: new Map([...fw.prerequisites].slice(0, 1)) };
    expect(exportLossNote(oneLink, 'moodle')).toContain('the direction of the 1 prerequisite link (Moodle links them as “related”');
  });

  it('Moodle and Canvas name the links, notes, comments and standards sets they cannot hold', () => {
    const fw = load(science);
    const moodle = exportLossNote(fw, 'moodle')!;
    expect(moodle).toMatch(/^A Moodle file does not carry: the direction of the \d+ prerequisite links/);
    expect(moodle).toContain('review comments (5)');
    expect(moodle).toMatch(/Keep the framework file \(or a CASE 1\.1 export\) as the full record\.$/);
    const canvas = exportLossNote(fw, 'canvas')!;
    expect(canvas).toMatch(/^A Canvas file does not carry: the \d+ prerequisite links as links/);
  });
});

describe('progressions export prints the same note on stderr, and the file stays clean', () => {
  it.each(['csv', 'moodle', 'canvas'] as const)('--format %s', async (format) => {
    const r = await runCliCaptured(['export', fractions, '--format', format], { disk: true });
    expect(r.code).toBe(0);
    const note = exportLossNote(load(fractions), format)!;
    expect(r.stderr).toContain(note);
    expect(r.stdout).not.toContain('does not carry');
  });
});

describe('a framework imported from CASE', () => {
  it('the LMS and CSV notes name the CASE associations kept from the package, which only a CASE export writes again', () => {
    const fw = load(fractions);
    const ref = (id: string) => ({ identifier: id, uri: `https://case.example.org/CFItems/${id}`, title: id });
    const assoc = (n: number) => ({
      id: `b1000000-0000-4000-8000-00000000000${n}`,
      associationType: 'exactMatchOf',
      origin: ref(`b1000000-0000-4000-8000-0000000001${n}0`),
      destination: ref(`b1000000-0000-4000-8000-0000000002${n}0`),
    });
    const one: Framework = { ...fw, caseAssociations: { [assoc(1).id]: assoc(1) } };
    const two: Framework = { ...fw, caseAssociations: { [assoc(1).id]: assoc(1), [assoc(2).id]: assoc(2) } };
    expect(exportLossNote(one, 'canvas')).toContain('the 1 CASE association kept from the imported package (only a CASE export writes them again)');
    expect(exportLossNote(two, 'moodle')).toContain('the 2 CASE associations kept from the imported package');
    expect(exportLossNote(two, 'csv')).toContain('the 2 CASE associations kept from the imported package');
    expect(exportLossNote(fw, 'canvas')).not.toContain('CASE association');
  });
});
