import { describe, expect, it } from 'vitest';
import { findPrerequisitePath, linkBlocks, reachableFrom, wouldCreateCycle } from '../../src-core/graph';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import type { CompetencyId, LinkId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';

/** A framework with competencies named by code and links given as `A>B`. */
function fw(codes: string[], links: string[]): { f: Framework; id: (code: string) => CompetencyId } {
  const f = createFramework();
  const byCode = new Map<string, CompetencyId>();
  for (const code of codes) {
    const c = createCompetency({ code, statement: code });
    f.competencies[c.id] = c;
    byCode.set(code, c.id);
  }
  const id = (code: string) => byCode.get(code)!;
  links.forEach((l, i) => {
    const [a, b] = l.split('>') as [string, string];
    f.prerequisites.set(`l${i}`, { id: `l${i}` as LinkId, from: id(a), to: id(b), note: '' });
  });
  return { f, id };
}

describe('findPrerequisitePath', () => {
  it('returns the chain of prerequisites from one competency to another', () => {
    const { f, id } = fw(['A', 'B', 'C', 'D'], ['A>B', 'B>C', 'C>D']);
    expect(findPrerequisitePath(f, id('A'), id('D'))).toEqual([id('A'), id('B'), id('C'), id('D')]);
  });
  it('prefers the shortest chain', () => {
    const { f, id } = fw(['A', 'B', 'C', 'D'], ['A>B', 'B>C', 'C>D', 'A>D']);
    expect(findPrerequisitePath(f, id('A'), id('D'))).toEqual([id('A'), id('D')]);
  });
  it('returns null when there is no chain, against the direction of links, or for unknown ids', () => {
    const { f, id } = fw(['A', 'B', 'C'], ['A>B']);
    expect(findPrerequisitePath(f, id('A'), id('C'))).toBeNull();
    expect(findPrerequisitePath(f, id('B'), id('A'))).toBeNull();
    expect(findPrerequisitePath(f, 'nope', id('A'))).toBeNull();
  });
  it('ignores links that point at missing competencies', () => {
    const { f, id } = fw(['A', 'B'], ['A>B']);
    f.prerequisites.set('x', { id: 'x' as LinkId, from: id('B'), to: 'ghost' as CompetencyId, note: '' });
    expect(findPrerequisitePath(f, id('B'), id('A'))).toBeNull();
  });
});

describe('wouldCreateCycle', () => {
  it('returns the closed path a new link would create', () => {
    const { f, id } = fw(['A', 'B', 'C'], ['A>B', 'B>C']);
    expect(wouldCreateCycle(f, id('C'), id('A'))).toEqual([id('C'), id('A'), id('B'), id('C')]);
  });
  it('allows links that keep the graph acyclic', () => {
    const { f, id } = fw(['A', 'B', 'C'], ['A>B', 'B>C']);
    expect(wouldCreateCycle(f, id('A'), id('C'))).toBeNull();
  });
  it('refuses a self-link', () => {
    const { f, id } = fw(['A'], []);
    expect(wouldCreateCycle(f, id('A'), id('A'))).toEqual([id('A'), id('A')]);
  });
  it('sees links added after an earlier call (new prerequisites object)', () => {
    const { f, id } = fw(['A', 'B', 'C'], ['A>B']);
    expect(wouldCreateCycle(f, id('C'), id('A'))).toBeNull();
    const g = { ...f, prerequisites: new Map(f.prerequisites).set('n', { id: 'n' as LinkId, from: id('B'), to: id('C'), note: '' }) };
    expect(wouldCreateCycle(g, id('C'), id('A'))).toEqual([id('C'), id('A'), id('B'), id('C')]);
  });
});

describe('reachableFrom and linkBlocks', () => {
  it('walks downstream or upstream, nearest first, within a depth', () => {
    const { f, id } = fw(['A', 'B', 'C', 'D', 'E'], ['A>B', 'B>C', 'C>D', 'A>D', 'E>C']);
    expect(reachableFrom(f, id('A'), 'out')).toEqual([id('B'), id('D'), id('C')]);
    expect(reachableFrom(f, id('A'), 'out', 1)).toEqual([id('B'), id('D')]);
    expect(reachableFrom(f, id('C'), 'in')).toEqual([id('B'), id('E'), id('A')]);
    expect(reachableFrom(f, id('C'), 'in', 0)).toEqual([]);
    expect(reachableFrom(f, 'nope', 'out')).toEqual([]);
  });

  it('marks exactly the links wouldCreateCycle refuses as cycles', () => {
    const { f, id } = fw(['A', 'B', 'C', 'D', 'E'], ['A>B', 'B>C', 'C>D', 'E>C']);
    for (const self of ['A', 'B', 'C', 'D', 'E']) {
      const into = linkBlocks(f, id(self), 'in');
      const from = linkBlocks(f, id(self), 'out');
      for (const other of ['A', 'B', 'C', 'D', 'E']) {
        if (other === self) continue;
        // X → self closes a cycle exactly when self reaches X
        expect(into.get(id(other)) === 'cycle', `${other} → ${self}`).toBe(wouldCreateCycle(f, id(other), id(self)) !== null && ![...f.prerequisites.values()].some((l) => l.from === id(other) && l.to === id(self)));
        expect(from.get(id(other)) === 'cycle', `${self} → ${other}`).toBe(wouldCreateCycle(f, id(self), id(other)) !== null && ![...f.prerequisites.values()].some((l) => l.from === id(self) && l.to === id(other)));
      }
    }
    expect(linkBlocks(f, id('C'), 'in').get(id('E'))).toBe('linked');
  });
});
