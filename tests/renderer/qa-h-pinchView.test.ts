import { describe, expect, it } from 'vitest';
import { pinchViewport } from '../../src-renderer/src/canvas/touch/pinchView';

const limits = { min: 0.1, max: 2.5 };
/** The map point under a screen point for a viewport. */
const mapPoint = (vp: { x: number; y: number; zoom: number }, p: { x: number; y: number }) => ({ x: (p.x - vp.x) / vp.zoom, y: (p.y - vp.y) / vp.zoom });

describe('pinchViewport', () => {
  const start = { x: -100, y: 50, zoom: 0.8 };

  it('zooms by the fingers’ spread, keeping the map point between them in place', () => {
    const a0 = { x: 300, y: 200 };
    const b0 = { x: 400, y: 200 };
    const vp = pinchViewport(start, a0, b0, { x: 250, y: 200 }, { x: 450, y: 200 }, limits);
    expect(vp.zoom).toBeCloseTo(1.6);
    const mid = { x: 350, y: 200 };
    expect(mapPoint(vp, mid).x).toBeCloseTo(mapPoint(start, mid).x);
    expect(mapPoint(vp, mid).y).toBeCloseTo(mapPoint(start, mid).y);
  });

  it('pans with fingers that drift together, the spread unchanged', () => {
    const vp = pinchViewport(start, { x: 0, y: 0 }, { x: 100, y: 0 }, { x: 30, y: 40 }, { x: 130, y: 40 }, limits);
    expect(vp).toEqual({ x: -70, y: 90, zoom: 0.8 });
  });

  it('stays within the zoom limits, the point between the fingers still in place', () => {
    const a0 = { x: 100, y: 100 };
    const b0 = { x: 110, y: 100 };
    const vp = pinchViewport(start, a0, b0, { x: 0, y: 100 }, { x: 210, y: 100 }, limits);
    expect(vp.zoom).toBe(2.5);
    expect(mapPoint(vp, { x: 105, y: 100 }).x).toBeCloseTo(mapPoint(start, { x: 105, y: 100 }).x);
    expect(pinchViewport(start, { x: 0, y: 0 }, { x: 500, y: 0 }, { x: 0, y: 0 }, { x: 5, y: 0 }, limits).zoom).toBe(0.1);
  });

  it('fingers put down on one spot do not zoom (no spread to compare)', () => {
    const vp = pinchViewport(start, { x: 10, y: 10 }, { x: 10, y: 10 }, { x: 10, y: 10 }, { x: 90, y: 10 }, limits);
    expect(vp.zoom).toBe(0.8);
  });
});
