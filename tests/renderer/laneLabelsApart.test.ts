import { describe, expect, it } from 'vitest';
import { stripHeaders } from '../../src-renderer/src/canvas/lanes/laneStrip';

// Zoomed far out on a big map, the lanes are thin on screen: their headers in the strip never stack on
// one another — they shrink to the domain's code, then to nothing, and come back as the view zooms in.

describe('lane headers zoomed far out', () => {
  // 25 bands of 400 flow px, 40 px apart (a 10,000-competency map's domains)
  const bands = Array.from({ length: 25 }, (_, i) => ({ id: i, x: 0, y: i * 440, width: 20_000, height: 400 }));

  it('thin bands show their code only, one header per band, none overlapping', () => {
    // 14 px a band: the code chip fits, a line of title does not
    const hs = stripHeaders(bands, [0, 10, 0.035], 'left', 700);
    expect(hs).toHaveLength(25);
    expect(hs.every((h) => h.mode === 'code')).toBe(true);
    for (let i = 1; i < hs.length; i++) expect(hs[i]!.start).toBeGreaterThanOrEqual(hs[i - 1]!.start + hs[i - 1]!.size);
  });

  it('thinner than the code chip: no headers; zoomed in: full headers again', () => {
    expect(stripHeaders(bands, [0, 10, 0.02], 'left', 700)).toHaveLength(0);
    const near = stripHeaders(bands, [0, -4000, 0.5], 'left', 700);
    expect(near.length).toBeGreaterThan(0);
    expect(near.every((h) => h.mode === 'full' && h.lines === 3)).toBe(true);
  });

  it('a band of 16 px shows a line of its title in the smaller type; thicker bands get more lines, then the usual type', () => {
    const at = (px: number) => stripHeaders([{ id: 0, x: 0, y: 0, width: 500, height: px }], [0, 0, 1], 'left', 900)[0]!;
    expect(at(16)).toMatchObject({ mode: 'full', dense: true, lines: 1 });
    expect(at(28)).toMatchObject({ mode: 'full', dense: true, lines: 2 });
    expect(at(40)).toMatchObject({ mode: 'full', dense: true, lines: 3 });
    expect(at(51)).toMatchObject({ mode: 'full', dense: false, lines: 3 });
  });

  it('overlapping lanes (a competency dragged into another domain’s lane): the later header starts where the earlier ends', () => {
    const lanes = [
      { id: 'a', x: 0, y: 0, width: 500, height: 300 },
      { id: 'b', x: 0, y: 200, width: 500, height: 300 },
      { id: 'c', x: 0, y: 250, width: 500, height: 60 },
    ];
    const hs = stripHeaders(lanes, [0, 0, 1], 'left', 900);
    expect(hs.map((h) => [h.item.id, h.start, h.size])).toEqual([
      ['a', 0, 300],
      ['b', 300, 200],
    ]);
  });
});
