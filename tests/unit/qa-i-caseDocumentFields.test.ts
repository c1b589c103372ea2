import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCase } from '../../src-core/case/export';
import { importCaseFramework } from '../../src-core/case/import';
import { casePackagesDir, haveCasePackages, SKIP_MESSAGE } from './case/caseSchemas';

// A foreign CFDocument's officialSourceURL, notes, status dates, subjectURI and frameworkType have no place
// in the framework and are not in a re-export. The import report named the item fields it drops ("not
// kept, so left out of a re-export: …") but said nothing of these: a district re-publishing a Smarter
// Balanced package lost the link to its official source document without being told.

const DOC = 'a1000000-0000-4000-8000-000000000000';
const ITEM = 'a1000000-0000-4000-8000-000000000001';
const T = '2024-05-01T10:00:00Z';

function pkg(doc: Record<string, unknown>) {
  return {
    CFDocument: { identifier: DOC, uri: `https://case.example.org/CFDocuments/${DOC}`, creator: 'State', title: 'State Math', lastChangeDateTime: T, ...doc },
    CFItems: [{ identifier: ITEM, uri: `https://case.example.org/CFItems/${ITEM}`, fullStatement: 'Add within 20.', humanCodingScheme: 'M.1', lastChangeDateTime: T }],
    CFAssociations: [],
  };
}

const notKept = (notes: string[]) => notes.find((n) => n.startsWith('not kept, so left out of a re-export:'));

describe('the import report names the CFDocument fields a re-export leaves out', () => {
  it('officialSourceURL, notes, status dates, subjectURI and frameworkType', () => {
    const r = importCaseFramework(
      pkg({
        officialSourceURL: 'https://state.example.gov/math.pdf',
        notes: 'Adopted by the board in 2023.',
        statusStartDate: '2023-07-01',
        statusEndDate: '2030-06-30',
        subjectURI: [{ title: 'Mathematics', identifier: 'a1000000-0000-4000-8000-0000000000aa', uri: 'https://case.example.org/CFSubjects/x' }],
        frameworkType: 'Learning Standards',
        caseVersion: '1.1',
      }),
    );
    if (!r.ok) throw new Error(r.error.message);
    const line = notKept(r.value.notes);
    expect(line).toBeDefined();
    expect(line).toContain("the CFDocument's officialSourceURL, notes, statusStartDate, statusEndDate, frameworkType, subjectURI (the subjects' titles are kept)");
    // What the line promises: the subject's title is kept, the rest is not in the re-export.
    expect(r.value.framework.subjects).toEqual(['Mathematics']);
    const out = exportCase(r.value.framework, { version: '1.1' }).CFDocument;
    expect(out.officialSourceURL).toBeUndefined();
    expect(out.notes).toBeUndefined();
    expect(out.subject).toEqual(['Mathematics']);
  });

  it('says nothing of the document when it has only fields the framework keeps', () => {
    const r = importCaseFramework(pkg({ publisher: 'State DoE', description: 'Standards', subject: ['Math'], language: 'en', version: '2.0', adoptionStatus: 'Adopted' }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.notes.join('\n')).not.toContain('CFDocument');
  });
});

describe.skipIf(!haveCasePackages)(`on a real package (${SKIP_MESSAGE})`, () => {
  it('Smarter Balanced grade 3 item specification: its official source and notes are named', () => {
    const raw = JSON.parse(readFileSync(join(casePackagesDir, 'sbac_gr3-math-item-spec-c1-th_v1p0.json'), 'utf8'));
    const r = importCaseFramework(raw);
    if (!r.ok) throw new Error(r.error.message);
    expect(notKept(r.value.notes)).toMatch(/the CFDocument's officialSourceURL, notes, subjectURI$/);
  });
});

// The same silence about a foreign 1.1 package's association notes (kept only on prerequisites) and other
// tools' extensions: the report even said the kept associations were "exported again unchanged".
describe('the import report names association notes and other tools\' extensions a re-export leaves out', () => {
  const OTHER = 'a1000000-0000-4000-8000-000000000002';
  const EXTERNAL = 'a1000000-0000-4000-8000-0000000000ee';
  const assoc = (n: number, type: string, dest: string, extra: Record<string, unknown>) => ({
    identifier: `a1000000-0000-4000-8000-00000000010${n}`,
    uri: `https://case.example.org/CFAssociations/${n}`,
    associationType: type,
    originNodeURI: { title: 'M.1', identifier: ITEM, uri: `https://case.example.org/CFItems/${ITEM}` },
    destinationNodeURI: { title: 'Other', identifier: dest, uri: `https://case.example.org/CFItems/${dest}` },
    lastChangeDateTime: T,
    ...extra,
  });

  it('counts notes outside prerequisites and where extensions were', () => {
    const p = pkg({ caseVersion: '1.1', extensions: { vendor: { id: 7 } } });
    p.CFItems.push({ identifier: OTHER, uri: `https://case.example.org/CFItems/${OTHER}`, fullStatement: 'Subtract within 20.', humanCodingScheme: 'M.2', lastChangeDateTime: T });
    (p.CFItems[0] as Record<string, unknown>).extensions = { vendor: { weight: 3 } };
    (p.CFAssociations as unknown[]).push(
      assoc(1, 'precedes', OTHER, { notes: 'Addition first.' }),
      assoc(2, 'isRelatedTo', OTHER, { notes: 'Same strategies.' }),
      assoc(3, 'exactMatchOf', EXTERNAL, { notes: 'Checked by the state.', extensions: { vendor: { strength: 0.9 } } }),
    );
    const r = importCaseFramework(p);
    if (!r.ok) throw new Error(r.error.message);
    expect(notKept(r.value.notes)).toContain('notes of associations that are not prerequisites (2), extensions of other tools (on the CFDocument, 1 item, 1 association)');
    // the kept associations travel in CASE exports only, and the report says so
    expect(r.value.notes.join('\n')).toContain('kept as CASE associations (a CASE export writes them again unchanged; other formats leave them out)');
    // what the line promises: the prerequisite's note travels, the others do not
    const out = exportCase(r.value.framework, { version: '1.1' });
    const notes = out.CFAssociations!.filter((a) => a.notes).map((a) => [a.associationType, a.notes]);
    expect(notes).toEqual([['precedes', 'Addition first.']]);
  });
});
