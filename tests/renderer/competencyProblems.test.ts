import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiagnosticLike } from '../../src-renderer/src/diagnostics/useDiagnostics';
import { problemsOf } from '../../src-renderer/src/inspector/problemsByCompetency';

const ids = ['a', 'b', 'c', 'd', 'e', '__proto__', 'constructor'];
const diagnostic: fc.Arbitrary<DiagnosticLike> = fc.record({
  severity: fc.constantFrom('error', 'warning', 'info'),
  code: fc.constantFrom('cycle', 'duplicate-code', 'orphan'),
  message: fc.string(),
  // a cycle names its first competency again at its end: such a problem is still listed once
  ids: fc.array(fc.constantFrom(...ids), { maxLength: 5 }),
});

/** What the inspector showed before the index: every error and warning naming the competency, in order. */
const byFilter = (all: DiagnosticLike[], id: string) => all.filter((d) => d.severity !== 'info' && d.ids?.includes(id));

describe("a competency's problems in the inspector", () => {
  it('are exactly the errors and warnings that name it, each once, in the order of the problems list', () => {
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 40 }), (all) => {
        // the selected competency after an edit, the same again, then the selection moving around
        const asked = [ids[0]!, ids[0]!, ...ids, 'zzz', ...ids];
        for (const id of asked) expect(problemsOf(all, id)).toEqual(byFilter(all, id));
      }),
    );
  });

  it('follow a new validation: problems fixed by an edit are gone from the next list', () => {
    const before: DiagnosticLike[] = [{ severity: 'error', code: 'cycle', message: 'A cycle', ids: ['a', 'b', 'a'] }];
    expect(problemsOf(before, 'a').map((d) => d.message)).toEqual(['A cycle']);
    const after: DiagnosticLike[] = [{ severity: 'warning', code: 'orphan', message: 'Not linked', ids: ['b'] }];
    expect(problemsOf(after, 'a')).toEqual([]);
    expect(problemsOf(after, 'b').map((d) => d.message)).toEqual(['Not linked']);
  });
});
