import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelsApart, type PlacedLabel } from '../../src-renderer/src/canvas/lanes/LaneLabels';

const overlap = (a: PlacedLabel<unknown>, b: PlacedLabel<unknown>) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + 22 && b.y < a.y + 22;

describe('lane labels zoomed far out', () => {
  it('25 thin stacked lanes: the kept labels do not overlap, the widest lane keeps its label, order is kept', () => {
    // lanes 12 px apart on screen, one of them (index 7) much taller
    const labels: PlacedLabel<number>[] = Array.from({ length: 25 }, (_, i) => ({ item: i, x: 8, y: 6 + i * 12 + (i > 7 ? 60 : 0), width: 120, extent: i === 7 ? 72 : 12 }));
    const kept = labelsApart(labels);
    for (let i = 0; i < kept.length; i++) for (let j = i + 1; j < kept.length; j++) expect(overlap(kept[i]!, kept[j]!)).toBe(false);
    expect(kept.map((k) => k.item)).toContain(7);
    expect(kept.map((k) => k.item)).toEqual([...kept.map((k) => k.item)].sort((a, b) => a - b));
    // every other label or so survives: about 12 px lanes under 22 px labels
    expect(kept.length).toBeGreaterThanOrEqual(10);
    expect(kept.length).toBeLessThan(25);
  });

  it('lanes tall enough on screen keep every label', () => {
    const labels: PlacedLabel<number>[] = Array.from({ length: 10 }, (_, i) => ({ item: i, x: 8, y: 6 + i * 40, width: 200, extent: 40 }));
    expect(labelsApart(labels)).toHaveLength(10);
  });

  it('side by side (lanes as columns) labels never hide each other', () => {
    const labels: PlacedLabel<number>[] = Array.from({ length: 6 }, (_, i) => ({ item: i, x: 8 + i * 150, y: 6, width: 134, extent: 150 }));
    expect(labelsApart(labels)).toHaveLength(6);
  });

  it('property: no two kept labels overlap, and a label overlapping no other is always kept', () => {
    const label = fc.record({ x: fc.integer({ min: 0, max: 400 }), y: fc.integer({ min: 0, max: 400 }), width: fc.integer({ min: 40, max: 300 }), extent: fc.integer({ min: 1, max: 200 }) });
    fc.assert(
      fc.property(fc.array(label, { maxLength: 30 }), (raw) => {
        const labels = raw.map((r, i) => ({ ...r, item: i }));
        const kept = labelsApart(labels);
        for (let i = 0; i < kept.length; i++) for (let j = i + 1; j < kept.length; j++) expect(overlap(kept[i]!, kept[j]!)).toBe(false);
        for (const l of labels) if (!labels.some((o) => o !== l && overlap(o, l))) expect(kept).toContain(l);
        // every dropped label overlaps a kept one (nothing is dropped for no reason)
        for (const l of labels) if (!kept.includes(l)) expect(kept.some((k) => overlap(k, l))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
