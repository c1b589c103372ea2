import { describe, expect, it } from 'vitest';
import { MINIMAP_FULL, MINIMAP_SMALL, minimapSize } from '../../src-renderer/src/canvas/overlays/minimapSize';

describe('minimapSize', () => {
  it('is the usual 168×112 on a laptop’s map pane, and before the pane is measured', () => {
    expect(minimapSize({ width: 716, height: 748 })).toBe(MINIMAP_FULL);
    expect(minimapSize({ width: 0, height: 0 })).toBe(MINIMAP_FULL);
    expect(MINIMAP_FULL).toEqual({ width: 168, height: 112 });
  });
  it('is smaller on a small pane (1280×800 zoomed to 150 % with a side panel: 340×480), narrow or low', () => {
    expect(minimapSize({ width: 340, height: 481 })).toBe(MINIMAP_SMALL);
    expect(minimapSize({ width: 900, height: 380 })).toBe(MINIMAP_SMALL);
    expect(MINIMAP_SMALL.width * MINIMAP_SMALL.height).toBeLessThan((MINIMAP_FULL.width * MINIMAP_FULL.height) / 2);
  });
});
