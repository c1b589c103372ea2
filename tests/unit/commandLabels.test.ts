import { describe, expect, it } from 'vitest';
import * as C from '../../src-core/commands';
import { createDomain, createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId } from '../../src-core/model/ids';
import { TestEditor } from './helpers/testEditor';

describe('undo labels name fields in the words the user saw, not property names', () => {
  it('a competency edit: "edit domain of A", "edit hours of A", "edit “I can” statement of A" …', () => {
    const ed = new TestEditor(createFramework({ title: 'T' }));
    const id = newId<CompetencyId>();
    const d = createDomain({ title: 'Geometry' });
    ed.run(C.addDomain(d));
    ed.run(C.addCompetency({ id, code: 'A', statement: 'S' }));
    const edits: [C.CompetencyPatch, string][] = [
      [{ domainId: d.id }, 'edit domain of A'],
      [{ estimatedHours: 3 }, 'edit hours of A'],
      [{ iCan: 'I can add' }, 'edit “I can” statement of A'],
      [{ educationLevels: ['03'] }, 'edit education levels of A'],
      [{ evidenceTypes: ['product'] }, 'edit evidence of mastery of A'],
      [{ notes: 'n' }, 'edit notes of A'],
      [{ statement: 'Adds', notes: 'm' }, 'edit details of A'],
    ];
    for (const [patch] of edits) expect(ed.run(C.updateCompetency(id, patch))).toBe(true);
    for (const [, label] of [...edits].reverse()) expect(ed.undo()).toBe(label);
  });

  it('a framework metadata edit: "edit framework education levels"', () => {
    const ed = new TestEditor(createFramework({ title: 'T' }));
    ed.run(C.updateFrameworkMeta({ educationLevels: ['03', '04'] }));
    ed.run(C.updateFrameworkMeta({ status: 'adopted' }));
    ed.run(C.updateFrameworkMeta({ title: 'X', license: 'CC-BY-4.0' }));
    expect(ed.undo()).toBe('edit framework details');
    expect(ed.undo()).toBe('edit framework status');
    expect(ed.undo()).toBe('edit framework education levels');
  });
});
