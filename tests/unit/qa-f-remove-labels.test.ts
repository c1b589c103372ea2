import { describe, expect, it } from 'vitest';
import * as C from '../../src-core/commands';
import { createDomain, createFramework } from '../../src-core/model/defaults';
import { TestEditor } from './helpers/testEditor';

// The Scale & domains panel says "Remove phase" / "Remove domain" (button, confirmation); the undo toast
// said "Undo: delete phase Beginning", another word for the same act.
describe('removing a phase or a domain is called "remove" in undo, as on its button', () => {
  it('"remove phase Beginning" and "remove domain Geometry"', () => {
    const ed = new TestEditor(createFramework({ title: 'T' }));
    const d = createDomain({ title: 'Geometry' });
    ed.run(C.addDomain(d));
    const first = ed.fw.phases[0]!;
    expect(ed.run(C.removePhase(first.id))).toBe(true);
    expect(ed.run(C.removeDomain(d.id))).toBe(true);
    expect(ed.undo()).toBe('remove domain Geometry');
    expect(ed.undo()).toBe(`remove phase ${first.label}`);
  });

  it('the threshold phase is refused with the same word', () => {
    const ed = new TestEditor(createFramework({ title: 'T' }));
    const threshold = ed.fw.phases.find((p) => p.threshold)!;
    expect(ed.run(C.removePhase(threshold.id))).toBe(false);
    expect(ed.lastError).toMatch(/before removing it/);
  });
});
