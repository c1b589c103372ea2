import { describe, expect, it } from 'vitest';
import { createCompetency, createFramework } from '../../src-core/model/defaults';
import type { LinkId } from '../../src-core/model/ids';
import { backwardLinkPath, clearLine, runsBackwards } from '../../src-renderer/src/canvas/edges/backwardLink';
import { wholeMapSvg } from '../../src-renderer/src/dialogs/export/mapSvg';

// A link that runs backwards (the one closing a cycle A → B → C → A on one row) was drawn along the row,
// behind the cards between its ends, on the canvas and in the map image: it goes round past them now.
describe('a link that runs backwards', () => {
  const row = [
    { x: 0, y: 0, width: 240, height: 100 }, // A
    { x: 300, y: 40, width: 240, height: 100 }, // B, a little lower
    { x: 600, y: 0, width: 240, height: 100 }, // C
  ];

  it('passes under every card between its ends, the lowest included, and no further', () => {
    expect(clearLine(row, 'y', 0, 840, 50)).toBe(140);
    // a card far below (the next lane) is not in the way
    expect(clearLine([...row, { x: 300, y: 400, width: 240, height: 100 }], 'y', 0, 840, 50)).toBe(140);
    // in columns: right of the cards between its ends
    expect(clearLine([{ x: 0, y: 0, width: 240, height: 100 }, { x: 20, y: 200, width: 240, height: 100 }], 'x', 0, 300, 120)).toBe(260);
  });

  it('is one whose target is well left of its source on the same row (or above it in the same column); between rows the curve stays', () => {
    expect(runsBackwards(840, 50, 0, 50, 'y')).toBe(true);
    expect(runsBackwards(240, 50, 0, 400, 'y')).toBe(false); // the card below, one row down
    expect(runsBackwards(240, 50, 300, 50, 'y')).toBe(false); // forwards
    expect(runsBackwards(120, 500, 120, 0, 'x')).toBe(true);
    expect(runsBackwards(120, 112, 520, 0, 'x')).toBe(false); // side by side in columns
  });

  it('leaves its source to the right, runs below the row and comes into its target from the left', () => {
    const d = backwardLinkPath(840, 50, 0, 50, 'y', row);
    expect(d).toBe('M 840,50 C 888,50 888,162 840,162 L 0,162 C -48,162 -48,50 0,50');
  });

  it('is drawn the same way in the map image', () => {
    const fw = createFramework({ title: 'T' });
    const [a, b, c] = [0, 300, 600].map((x, i) => createCompetency({ code: `C${i}`, statement: 's', position: { x, y: 0 } }));
    for (const k of [a!, b!, c!]) fw.competencies[k.id] = k;
    fw.prerequisites.set('l1', { id: 'l1' as LinkId, from: a!.id, to: b!.id, note: '' });
    fw.prerequisites.set('l2', { id: 'l2' as LinkId, from: b!.id, to: c!.id, note: '' });
    fw.prerequisites.set('l3', { id: 'l3' as LinkId, from: c!.id, to: a!.id, note: '' });
    const { svg, height } = wholeMapSvg(fw, 'horizontal');
    const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]!);
    expect(paths).toHaveLength(3);
    const back = paths.filter((d) => d.includes(' L '));
    expect(back).toHaveLength(1);
    const below = Number(/ L \S+,(\S+)/.exec(back[0]!)![1]);
    expect(below).toBeGreaterThan(112); // under the cards (112 high), not along the row at their middle
    expect(height).toBeGreaterThan(below); // and inside the image
  });
});
