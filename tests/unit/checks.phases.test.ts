import fc from 'fast-check';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { createValidator, validateFramework, type Diagnostic } from '../../src-core/checks';
import type { IndicatorId, PhaseId } from '../../src-core/model/ids';
import type { PhaseDescription } from '../../src-core/model/types';
import { FwBuilder } from './checksBuilder';

const TEXTS = ['', '  ', 'Does it'] as const;
const blank = (s: string) => s.trim() === '';

/** One phase description: a descriptor and indicator texts, each empty, blank or written. */
const description = fc.record({
  descriptor: fc.constantFrom(...TEXTS),
  indicators: fc.array(fc.constantFrom(...TEXTS), { maxLength: 3 }),
});

/**
 * A competency's phases record: which keys (the scale's four phases by position 0–3, or 4–5 for phases
 * not on the scale), in which order, each with a description.
 */
const phasesRecord = fc.uniqueArray(fc.tuple(fc.nat(5), description), { selector: ([k]) => k, maxLength: 6 });

describe('phase descriptions of each competency (property)', () => {
  it('unknown-phase, phase-order and threshold-undescribed follow what each competency describes, whatever order its phases record lists them in', () => {
    fc.assert(
      fc.property(fc.array(phasesRecord, { minLength: 1, maxLength: 12 }), (records) => {
        const b = new FwBuilder();
        const scale = b.fw.phases.map((p) => p.id as string);
        const keyOf = (k: number) => (k < scale.length ? scale[k]! : `not-on-the-scale-${k}`);
        records.forEach((rec, i) => {
          const phases: Record<string, PhaseDescription> = {};
          for (const [k, d] of rec) {
            phases[keyOf(k)] = { descriptor: d.descriptor, indicators: d.indicators.map((text, x) => ({ id: `i${i}-${k}-${x}` as IndicatorId, text })) };
          }
          b.competency(`C${i}`, { phases: phases as Record<PhaseId, PhaseDescription> });
        });
        const result = validateFramework(b.fw);
        const codes = (code: string) => result.diagnostics.filter((d) => d.code === code);

        // What each competency describes, worked out plainly.
        const described = (d: { descriptor: string; indicators: readonly string[] }) => !blank(d.descriptor) || d.indicators.some((t) => !blank(t));
        const unknown = new Set<string>();
        const gaps = new Map<string, string>();
        const missing = new Map<string, string>();
        records.forEach((rec, i) => {
          const id = b.id(`C${i}`);
          if (rec.some(([k, d]) => k >= scale.length && described(d))) unknown.add(id);
          const on = scale.map((_, k) => rec.some(([kk, d]) => kk === k && described(d)));
          const lowest = on.indexOf(true);
          const gap = lowest === -1 ? -1 : on.indexOf(false, lowest);
          const next = gap === -1 ? -1 : on.indexOf(true, gap);
          if (next !== -1) gaps.set(id, `C${i} describes ${b.fw.phases[lowest]!.label} and ${b.fw.phases[next]!.label} but not ${b.fw.phases[gap]!.label} in between`);
          const t = rec.find(([k]) => k === 2)?.[1];
          const hasDescriptor = t !== undefined && !blank(t.descriptor);
          const hasIndicator = t !== undefined && t.indicators.some((x) => !blank(x));
          if (!hasDescriptor || !hasIndicator) missing.set(id, !hasDescriptor && !hasIndicator ? 'no descriptor and no performance indicator' : !hasDescriptor ? 'no descriptor' : 'no performance indicator');
        });

        expect(new Set(codes('unknown-phase').map((d) => d.ids[0]))).toEqual(unknown);
        expect(new Map(codes('phase-order').map((d) => [d.ids[0], d.message.split(';')[0]]))).toEqual(gaps);
        const undescribed = codes('threshold-undescribed');
        if (missing.size === records.length && records.length > 1) {
          expect(undescribed).toHaveLength(1);
          expect(new Set(undescribed[0]!.ids)).toEqual(new Set(missing.keys()));
        } else {
          expect(new Map(undescribed.map((d) => [d.ids[0], d.message.split(' at ')[0]!.replace(/^C\d+ has /, '')]))).toEqual(missing);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('an edit that reorders a phases record or describes another phase gives the same findings as a validation from scratch', () => {
    const b = new FwBuilder();
    const [p0, p1, p2, p3] = b.fw.phases.map((p) => p.id);
    const d = (text: string) => ({ descriptor: text, indicators: [{ id: 'i' as IndicatorId, text }] });
    b.competency('A', { phases: { [p0!]: d('a'), [p1!]: d('b'), [p2!]: d('c') } });
    b.competency('B', { phases: { [p2!]: d('c'), [p0!]: d('a') } });
    b.competency('C', { phases: { [p3!]: d('d'), [p2!]: d('c') } });
    const v = createValidator();
    let fw = freeze(structuredClone(b.fw), true);
    const same = (x: Diagnostic[], y: Diagnostic[]) => expect(x).toEqual(y);
    same(v.validate(fw).diagnostics, validateFramework(structuredClone(fw)).diagnostics);
    // C: its phases listed the other way round, one more described (a gap opens at Developing).
    const c = Object.values(fw.competencies).find((x) => x.code === 'C')!;
    fw = freeze({ ...fw, competencies: { ...fw.competencies, [c.id]: { ...c, phases: { [p0!]: d('a'), [p2!]: d('c'), [p3!]: d('d') } } } }, true);
    const live = v.validate(fw).diagnostics;
    same(live, validateFramework(structuredClone(fw)).diagnostics);
    expect(live.filter((x) => x.code === 'phase-order').map((x) => x.ids[0]).sort()).toEqual([b.id('B'), c.id].sort());
  });
});
