import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, MAX_PNG_SIDE } from '../../src-renderer/src/dialogs/export/exportFormats';

// A PNG of a big map is drawn at most MAX_PNG_SIDE px a side, so above a few hundred competencies its text is hard
// to read; the Export dialog said only "The whole map or the current view". It now gives the limit and points to SVG.
describe('the map image formats say what they give', () => {
  it('PNG names its size limit, the one the image is drawn with, and suggests SVG for a big map', () => {
    const png = EXPORT_FORMATS.find((f) => f.id === 'png')!;
    expect(MAX_PNG_SIDE).toBe(4096);
    expect(png.hint).toBe('The whole map or the current view, at most 4,096 px a side (a big map reads better as SVG)');
  });
  it('SVG says it stays sharp', () => {
    expect(EXPORT_FORMATS.find((f) => f.id === 'svg')!.hint).toContain('sharp at any size');
  });
});
