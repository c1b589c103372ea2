import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../src-core/commands/command';
import { addCompetency, duplicateCompetencies, updateCompetency } from '../../src-core/commands/competencies';
import { createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';

/** Runs a command and returns the next framework with the step's undo label. */
function step(fw: Framework, cmd: Parameters<typeof applyCommand>[1]): { fw: Framework; label: string } {
  const out = applyCommand(fw, cmd);
  if (!out.ok) throw new Error(out.error.message);
  return { fw: out.framework, label: out.label };
}

// A new card (N) is C1; its code typed over, then its statement: the steps read "add C1", "edit code of C1",
// "edit statement of MA.1" — while Undo offered the second, no card on the map was called C1.
describe('undo labels of a new card given its code and statement', () => {
  it('a new code names both codes; the statement step names the card by its new code', () => {
    const id = newId<CompetencyId>();
    let s = step(createFramework(), addCompetency({ id, code: 'C1' }));
    expect(s.label).toBe('add C1');
    s = step(s.fw, updateCompetency(id, { code: 'MA.1' }));
    expect(s.label).toBe('change code C1 → MA.1');
    s = step(s.fw, updateCompetency(id, { statement: 'Add fractions with like denominators' }));
    expect(s.label).toBe('edit statement of MA.1');
  });

  it('a card with no code is named by the statement it is given, not "an untitled competency"', () => {
    const id = newId<CompetencyId>();
    let s = step(createFramework(), addCompetency({ id, code: '' }));
    s = step(s.fw, updateCompetency(id, { statement: 'Add fractions with like denominators' }));
    expect(s.label).toBe('edit statement of “Add fractions with like denominators”');
    s = step(s.fw, updateCompetency(id, { code: 'MA.1' }));
    expect(s.label).toBe('give “Add fractions with like denominators” the code MA.1');
    s = step(s.fw, updateCompetency(id, { code: '' }));
    expect(s.label).toBe('clear code MA.1');
  });
});

describe('a duplicate of one competency names it', () => {
  it('"duplicate MA.1", "duplicate 2 competencies"', () => {
    const a = newId<CompetencyId>();
    const b = newId<CompetencyId>();
    let s = step(createFramework(), addCompetency({ id: a, code: 'MA.1' }));
    s = step(s.fw, addCompetency({ id: b, code: 'MA.2' }));
    expect(step(s.fw, duplicateCompetencies([{ sourceId: a, newId: newId<CompetencyId>() }], { x: 40, y: 40 })).label).toBe('duplicate MA.1');
    const two = [a, b].map((sourceId) => ({ sourceId, newId: newId<CompetencyId>() }));
    expect(step(s.fw, duplicateCompetencies(two, { x: 40, y: 40 })).label).toBe('duplicate 2 competencies');
  });
});
