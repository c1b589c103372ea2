import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivedIdOf } from '../../../src-core/case/caseIds';
import { exportCase } from '../../../src-core/case/export';
import { importCaseFramework } from '../../../src-core/case/import';
import type { CasePackage } from '../../../src-core/case/types';
import { loadFrameworkText, schemaCheckFramework } from '../../../src-core/format/frameworkFile';
import type { Framework } from '../../../src-core/model/types';
import { caseSchemaErrors, casePackagesDir, haveCasePackages, haveCaseSchemas, repoRoot, SKIP_MESSAGE } from './caseSchemas';

// A CASE 1.0 round trip (export 1.0 → import → export again) gave the rubric criterion levels and the
// indicators' isPartOf associations new identifiers: a level's is derived from the competency and the phase
// id, which 1.0 cannot hold, so the import made new phase ids. Importing now keeps the identifiers a package
// gave to what an export derives (Framework.caseIdentifiers) and the export writes them again; a real
// package's isChildOf associations, which were re-derived, keep theirs the same way (qa-r).

type Version = '1.0' | '1.1';
const V: Version[] = ['1.0', '1.1'];

function reimport(pkg: CasePackage): Framework {
  const r = importCaseFramework(JSON.parse(JSON.stringify(pkg)));
  if (!r.ok) throw new Error(r.error.message);
  // what a saved file holds is what the schema allows
  expect(schemaCheckFramework(r.value.framework)).toEqual([]);
  return r.value.framework;
}

/** Every identifier in a package, by the list it stands in (`CFRubricCriterionLevels`, `CFAssociations` …). */
function identifiers(pkg: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (v: unknown, list: string) => {
    if (Array.isArray(v)) for (const x of v) walk(x, list);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.identifier === 'string' && list) out.set(o.identifier, list);
      for (const [k, x] of Object.entries(o)) walk(x, k);
    }
  };
  walk(pkg, '');
  return out;
}
const sorted = (m: Map<string, string>) => [...m].map(([id, list]) => `${list} ${id}`).sort();

const examplesDir = join(repoRoot, 'resources/examples');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));
const example = (file: string) => {
  const loaded = loadFrameworkText(readFileSync(join(examplesDir, file), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.framework;
};

describe('CASE round trips keep every identifier (qa-r)', () => {
  it.each(examples)('%s: export 1.0 → import → export 1.0 (or 1.1, and back) writes the same identifiers', (file) => {
    const fw = example(file);
    const first = exportCase(fw, { version: '1.0' });
    const back = reimport(first);
    const levels = [...identifiers(first)].filter(([, l]) => l === 'CFRubricCriterionLevels').length;
    expect(levels).toBeGreaterThan(0);
    // the levels are the identifiers kept (their phase ids are not in 1.0); everything else is derived as before
    expect(Object.keys(back.caseIdentifiers ?? {}).filter((k) => k.startsWith('level:'))).toHaveLength(levels);
    expect(Object.keys(back.caseIdentifiers ?? {}).every((k) => k.startsWith('level:'))).toBe(true);
    expect(sorted(identifiers(exportCase(back, { version: '1.0' })))).toEqual(sorted(identifiers(first)));
    // through 1.1 and back (the kept identifiers travel in the framework, not in the package)
    const via11 = reimport(exportCase(back, { version: '1.1' }));
    expect(via11.caseIdentifiers).toEqual(back.caseIdentifiers);
    expect(sorted(identifiers(exportCase(via11, { version: '1.0' })))).toEqual(sorted(identifiers(first)));
    if (haveCaseSchemas) expect(caseSchemaErrors('1.0', exportCase(back, { version: '1.0' }))).toEqual([]);
  });

  it.each(examples)('%s: the identifiers already published do not change (every derived one still derived the same way)', (file) => {
    const fw = example(file);
    expect(fw.caseIdentifiers).toBeUndefined();
    for (const version of V) {
      const pkg = exportCase(fw, { version });
      const doc = fw.id.toLowerCase();
      const levelOf = new Map<string, string>();
      for (const r of pkg.CFRubrics ?? []) {
        for (const c of r.CFRubricCriteria ?? []) {
          const comp = c.CFItemURI!.identifier;
          expect(r.identifier).toBe(derivedIdOf('rubric:', comp));
          expect(c.identifier).toBe(derivedIdOf('criterion:', comp));
          (c.CFRubricCriterionLevels ?? []).forEach((l, i) => {
            expect(l.identifier).toBe(derivedIdOf('level:', comp, ':', fw.phases[i]!.id.toLowerCase()));
            levelOf.set(l.identifier, l.identifier);
          });
        }
      }
      for (const a of pkg.CFAssociations ?? []) {
        const o = a.originNodeURI.identifier;
        const d = a.destinationNodeURI.identifier;
        if (a.associationType === 'isChildOf') expect(a.identifier).toBe(derivedIdOf('isChildOf:', o, ':', d === doc ? doc : d));
        if (a.associationType === 'isPartOf') {
          expect(levelOf.has(d)).toBe(true);
          expect(a.identifier).toBe(derivedIdOf('isPartOf:', o, ':', d));
        }
      }
    }
  });

  it('a kept identifier gives way when the user changes what it names: a moved competency gets the link of its new place', () => {
    const fw = example('grade3-5-fractions.json');
    const first = exportCase(fw, { version: '1.0' });
    const back = reimport(first);
    // a foreign-looking package: the hierarchy links of the first export renamed, as another tool's would be
    const renamed = structuredClone(first);
    let n = 0;
    for (const a of renamed.CFAssociations ?? []) if (a.associationType === 'isChildOf') a.identifier = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    const foreign = reimport(renamed);
    const childOf = (pkg: CasePackage, id: string) => pkg.CFAssociations!.find((a) => a.associationType === 'isChildOf' && a.originNodeURI.identifier === id)!;
    const comp = Object.values(foreign.competencies).find((c) => c.domainId !== null)!;
    const other = foreign.domains.find((d) => d.id !== comp.domainId)!;
    expect(childOf(exportCase(foreign, { version: '1.1' }), comp.id).identifier).toBe(childOf(renamed, comp.id).identifier);
    foreign.competencies[comp.id] = { ...comp, domainId: other.id };
    const moved = childOf(exportCase(foreign, { version: '1.1' }), comp.id);
    expect(moved.destinationNodeURI.identifier).toBe(other.id);
    expect(moved.identifier).toBe(derivedIdOf('isChildOf:', comp.id, ':', other.id));
    expect(back.caseIdentifiers && Object.keys(back.caseIdentifiers).some((k) => k.startsWith('isChildOf:'))).toBe(false);
  });
});

describe('another tool\'s rubrics keep their identifiers through import and export (qa-r)', () => {
  it.each(V)('CASE %s: rubric, criterion and level identifiers, and the indicators\' isPartOf, as the package had them', (version) => {
    // our 1.0 export with every rubric, criterion, level and isPartOf renamed, as another tool would name them
    const pkg = structuredClone(exportCase(example('student-science-inquiry.json'), { version: '1.0' }));
    let n = 0;
    const fresh = () => `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}`;
    const renamed = new Map<string, string>();
    for (const r of pkg.CFRubrics ?? []) {
      r.identifier = fresh();
      for (const c of r.CFRubricCriteria ?? []) {
        c.identifier = fresh();
        c.rubricId = r.identifier;
        for (const l of c.CFRubricCriterionLevels ?? []) {
          renamed.set(l.identifier, fresh());
          l.identifier = renamed.get(l.identifier)!;
          l.rubricCriterionId = c.identifier;
        }
      }
    }
    for (const a of pkg.CFAssociations ?? []) {
      if (a.associationType !== 'isPartOf') continue;
      a.identifier = fresh();
      a.destinationNodeURI.identifier = renamed.get(a.destinationNodeURI.identifier)!;
    }
    const back = reimport(pkg);
    const again = exportCase(back, { version });
    const kept = (p: CasePackage) => sorted(new Map([...identifiers(p)].filter(([, l]) => l === 'CFRubrics' || l === 'CFRubricCriteria' || l === 'CFRubricCriterionLevels' || l === 'CFAssociations')));
    expect(kept(again)).toEqual(kept(pkg));
    if (haveCaseSchemas) expect(caseSchemaErrors(version, again)).toEqual([]);
  });
});

const packages = haveCasePackages ? readdirSync(casePackagesDir).filter((f) => f.endsWith('.json')) : [];
describe.skipIf(packages.length === 0)(`real CASE packages keep their identifiers through import and export (qa-r; ${SKIP_MESSAGE})`, () => {
  it.each(packages)('%s', (file) => {
    const original = JSON.parse(readFileSync(join(casePackagesDir, file), 'utf8')) as CasePackage;
    const fw = reimport(original);
    const own = identifiers(original);
    for (const version of V) {
      const first = exportCase(fw, { version });
      const ids = identifiers(first);
      // every item and association of the package is written with its own identifier (1.0: where it is a 1.0 UUID)
      for (const [id, list] of own) {
        if (list !== 'CFItems' && list !== 'CFAssociations') continue;
        if (version === '1.0' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)) continue;
        expect(ids.get(id), `${version} ${list} ${id}`).toBe(list);
      }
      // and exporting what that export imports as gives the same identifiers again
      expect(sorted(identifiers(exportCase(reimport(first), { version })))).toEqual(sorted(ids));
    }
  });
});
