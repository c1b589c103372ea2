import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatches } from 'immer';
import { describe, expect, it } from 'vitest';
import { NO_CASE_OBJECT } from '../../src-core/model/caseIdentifiers';
import { exportCase } from '../../src-core/case/export';
import type { CasePackage } from '../../src-core/case/types';
import { deleteCompetencies, removeDomain, removeIndicator, removePhase, setThresholdPhase } from '../../src-core/commands';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import type { CompetencyId, IndicatorId, PhaseId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { repoRoot } from './case/caseSchemas';
import { A, C, D, DOC, edit, example, fixture, G, importPackage, run } from './qa-x-caseFixture';

// The identifiers a CASE import keeps for what an export derives (Framework.caseIdentifiers) stayed in the
// file for competencies deleted since the import; now the delete drops those that name what it deletes (qa-x).

const childOf = (pkg: CasePackage, id: string) => (pkg.CFAssociations ?? []).filter((a) => a.associationType === 'isChildOf' && a.originNodeURI.identifier === id);

describe('identifiers kept for what the user deletes leave the framework (qa-x)', () => {
  const keys = (fw: Framework) => Object.keys(fw.caseIdentifiers ?? {});
  const naming = (fw: Framework, id: string) => keys(fw).filter((k) => k.split(':').includes(id));

  it('deleting a competency drops the entries that name it (and its indicators); undo brings them back', () => {
    const { framework } = importPackage(fixture());
    expect(naming(framework, D).length).toBe(6); // rubric, criterion, 3 levels, isChildOf
    const out = run(framework, deleteCompetencies([D, C]));
    expect(naming(out.framework, D)).toEqual([]);
    expect(naming(out.framework, C)).toEqual([]);
    // nothing still in use is dropped: the marker, the domain's and A's and B's links
    expect(keys(out.framework).sort()).toEqual(keys(framework).filter((k) => !k.includes(D) && !k.includes(C)).sort());
    expect(out.framework.caseIdentifiers![`rubric:${DOC}`]).toBe(NO_CASE_OBJECT);
    expect(serializeFramework(out.framework)).not.toContain(D);
    expect(applyPatches(out.framework, out.inversePatches).caseIdentifiers).toEqual(framework.caseIdentifiers);
    // and the export of what is left is unchanged for what is left
    const before = exportCase(framework, { version: '1.1' });
    const after = exportCase(out.framework, { version: '1.1' });
    expect(childOf(after, A)[0]!.identifier).toBe(childOf(before, A)[0]!.identifier);
  });

  it('an indicator\'s entries go with it, a domain\'s with it, a phase\'s levels with the phase', () => {
    const { framework } = importPackage(fixture());
    const ind = '99999999-0000-4000-8000-000000000004' as IndicatorId;
    const phase = framework.phases[0]!.id;
    // an imported indicator with a kept isChildOf / isPartOf (as another tool named them)
    const fw0: Framework = structuredClone(framework);
    fw0.competencies[D]!.phases[phase] = { descriptor: '', indicators: [{ id: ind, text: 'Counts groups.' }] };
    fw0.caseIdentifiers![`isChildOf:${ind}:${D}`] = 'dddddddd-0000-4000-8000-000000000001';
    fw0.caseIdentifiers![`isPartOf:${ind}:cccccccc-0000-4000-8000-000000000003`] = 'dddddddd-0000-4000-8000-000000000002';
    const noInd = edit(fw0, removeIndicator(D, phase, ind));
    expect(naming(noInd, ind)).toEqual([]);
    expect(keys(noInd)).toEqual(keys(framework));
    const noDomain = edit(framework, removeDomain(G));
    expect(naming(noDomain, G)).toEqual([]);
    expect(naming(noDomain, D).length).toBe(5); // D's rubric stays; its link to G is gone with G
    const top = framework.phases[framework.phases.length - 1]!.id as PhaseId;
    const noPhase = edit(edit(framework, setThresholdPhase(framework.phases[0]!.id)), removePhase(top));
    expect(naming(noPhase, top)).toEqual([]);
    expect(keys(noPhase).filter((k) => k.startsWith('level:'))).toHaveLength(2);
  });

  it('a framework without kept identifiers is not given any', () => {
    const fw = example(readdirSync(join(repoRoot, 'resources/examples')).find((f) => f.endsWith('.json'))!);
    const id = Object.keys(fw.competencies)[0]! as CompetencyId;
    expect(edit(fw, deleteCompetencies([id]))).not.toHaveProperty('caseIdentifiers');
  });
});

