import fc from 'fast-check';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { validateFramework, type Diagnostic } from '../../src-core/checks';
import { competencyName } from '../../src-core/commands/labels';
import type { CompetencyId } from '../../src-core/model/ids';
import type { Framework } from '../../src-core/model/types';
import { FwBuilder } from './checksBuilder';

const redundant = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'redundant-link');

/** The message a redundant link must get: every competency named as everywhere else (`competencyName`). */
function expectedMessage(fw: Framework, d: Diagnostic): string {
  const name = (id: string) => competencyName(fw, id);
  const [from, to] = d.ids as [CompetencyId, CompetencyId];
  return `The link ${name(from)} → ${name(to)} is already implied by ${d.path!.map(name).join(' → ')}; it can be removed to simplify the map.`;
}

describe('redundant-link messages', () => {
  it('name a competency by its trimmed code, else by its statement, else as untitled', () => {
    const b = new FwBuilder()
      .competency('A')
      .competency(' B ')
      .competency('', { statement: 'Count to one hundred by ones and by tens, starting at any number' })
      .competency('', { statement: '  ' })
      .competency('E');
    const [c, d] = Object.values(b.fw.competencies)
      .filter((x) => x.code === '')
      .map((x) => x.id);
    b.link(`${b.id('A')}>${b.id(' B ')}`)
      .link(`${b.id(' B ')}>${c}`)
      .link(`${c}>${d}`)
      .link(`${d}>${b.id('E')}`)
      .link(`${b.id('A')}>${b.id('E')}`, 'long')
      .link(`${b.id('A')}>${d}`, 'short');
    const ds = redundant(validateFramework(b.fw).diagnostics);
    const by = (link: string) => ds.find((x) => x.links?.[0] === link)!.message;
    expect(ds).toHaveLength(2);
    expect(by('long')).toBe(
      'The link A → E is already implied by A → B → “Count to one hundred by ones and by ten…” → an untitled competency → E; it can be removed to simplify the map.',
    );
    expect(by('short')).toBe(
      'The link A → an untitled competency is already implied by A → B → “Count to one hundred by ones and by ten…” → an untitled competency; it can be removed to simplify the map.',
    );
  });

  it('on random maps, mutable or frozen, every message names the chain it reports (property)', () => {
    const arb = fc.integer({ min: 3, max: 14 }).chain((n) =>
      fc.tuple(
        fc.array(fc.constantFrom('', ' ', 'X1', ' Y2 ', 'Z3'), { minLength: n, maxLength: n }),
        fc.uniqueArray(
          fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a < b),
          { maxLength: 3 * n, selector: ([a, b]) => `${a}>${b}` },
        ),
      ),
    );
    fc.assert(
      fc.property(arb, ([codes, edges]) => {
        const b = new FwBuilder();
        codes.forEach((code, i) => b.competency(`c${i}`, { code, statement: i % 3 === 0 ? '' : `Statement ${i}` }));
        const ids = Object.keys(b.fw.competencies);
        for (const [x, y] of edges) b.link(`${ids[x]}>${ids[y]}`);
        for (const fw of [b.fw, freeze(structuredClone(b.fw), true)]) {
          const ds = redundant(validateFramework(fw).diagnostics);
          for (const d of ds) expect(d.message).toBe(expectedMessage(fw, d));
        }
      }),
      { numRuns: 300 },
    );
  });
});
