import { describe, expect, it } from 'vitest';
import { exportCase, importCaseFramework } from '../../src-core/case';
import { sampleFramework } from './case/sampleFramework';

/**
 * A CASE 1.1 package of ours whose `extensions.progressions` data was hand-edited or damaged: what the
 * reader cannot use is dropped (the package stays importable), and the import report says so — it was
 * dropped without a word (the mastery scale rebuilt from the rubrics, positions and hours gone).
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function ourPackage(): Json {
  return JSON.parse(JSON.stringify(exportCase(sampleFramework(), { version: '1.1' })));
}

function notesOf(pkg: Json): string[] {
  const r = importCaseFramework(pkg);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.notes;
}

const damaged = (notes: string[]) => notes.filter((n) => n.startsWith('ignored: malformed'));

describe('damaged Progressions data in our own CASE 1.1 package', () => {
  it('an intact package reports nothing of the kind', () => {
    expect(damaged(notesOf(ourPackage()))).toEqual([]);
  });

  it('a mastery scale that is not well-formed is named, with its pointer, besides the scale read from the rubrics', () => {
    const pkg = ourPackage();
    pkg.CFDocument.extensions.progressions.phases[0].threshold = 'yes';
    expect(damaged(notesOf(pkg))).toEqual([
      "ignored: malformed extensions.progressions.phases (the mastery scale: ids, labels, descriptions, threshold) on the CFDocument (at /CFDocument/extensions/progressions/phases); the package's Progressions data may be damaged",
    ]);
  });

  it('competency fields (position, hours, evidence types) are counted, with the first item that has them', () => {
    const pkg = ourPackage();
    const comps = (pkg.CFItems as Json[]).filter((i) => i.extensions?.progressions?.position);
    expect(comps.length).toBeGreaterThan(1);
    comps[0]!.extensions.progressions.position = { x: 'a', y: 0 };
    comps[1]!.extensions.progressions.position = null;
    comps[1]!.extensions.progressions.estimatedHours = -1;
    comps[1]!.extensions.progressions.evidenceTypes = ['test', 'telepathy'];
    expect(damaged(notesOf(pkg))).toEqual([
      `ignored: malformed extensions.progressions.position on items (2 times, first at item ${comps[0]!.identifier}); the package's Progressions data may be damaged`,
      `ignored: malformed extensions.progressions.estimatedHours on items (at item ${comps[1]!.identifier}); the package's Progressions data may be damaged`,
      `ignored: malformed extensions.progressions.evidenceTypes on items (at item ${comps[1]!.identifier}); the package's Progressions data may be damaged`,
    ]);
  });

  it('standards sets, status and grade levels of the framework', () => {
    const pkg = ourPackage();
    const sets = pkg.extensions.progressions.standardsSets as Json;
    const first = Object.keys(sets)[0]!;
    sets[first].items = 5;
    pkg.CFDocument.extensions.progressions.status = 'published';
    pkg.CFDocument.extensions.progressions.educationLevels = [3];
    expect(damaged(notesOf(pkg))).toEqual([
      `ignored: malformed standards sets in extensions.progressions.standardsSets (aligned standards are read from the associations instead) (at /extensions/progressions/standardsSets/${first}); the package's Progressions data may be damaged`,
      "ignored: malformed extensions.progressions.status on the CFDocument (read from adoptionStatus instead) (at /CFDocument/extensions/progressions/status); the package's Progressions data may be damaged",
      "ignored: malformed extensions.progressions.educationLevels on the CFDocument (the framework's grade levels) (at /CFDocument/extensions/progressions/educationLevels); the package's Progressions data may be damaged",
    ]);
    pkg.extensions.progressions.standardsSets = 'none';
    expect(damaged(notesOf(pkg))[0]).toBe(
      "ignored: malformed extensions.progressions.standardsSets, which is not an object (at /extensions/progressions/standardsSets); the package's Progressions data may be damaged",
    );
  });
});
