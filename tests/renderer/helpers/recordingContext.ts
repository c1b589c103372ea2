/**
 * A 2D canvas context stand-in for drawing tests (no canvas in Node): records the rectangles filled (with
 * their fill colour), the colour of every fill, the line segments stroked and the text drawn.
 */
export function recordingContext() {
  /** Each filled rectangle, as [x, y, w, h]. */
  const rects: [number, number, number, number][] = [];
  /** Each filled rectangle with the fill colour it was painted in. */
  const fills: { x: number; y: number; w: number; h: number; color: string }[] = [];
  /** The fill colour of every fill() call, rectangles or not. */
  const fillColors: string[] = [];
  const lines: number[][] = [];
  const texts: string[] = [];
  let pending: [number, number, number, number][] = [];
  let from: [number, number] = [0, 0];
  const ctx = {
    setTransform() {},
    clearRect() {},
    beginPath() {
      pending = [];
    },
    rect(x: number, y: number, w: number, h: number) {
      pending.push([x, y, w, h]);
    },
    fill() {
      const color = String(ctx.fillStyle);
      fillColors.push(color);
      for (const [x, y, w, h] of pending) {
        rects.push([x, y, w, h]);
        fills.push({ x, y, w, h, color });
      }
    },
    stroke() {},
    moveTo(x: number, y: number) {
      from = [x, y];
    },
    lineTo(x: number, y: number) {
      lines.push([...from, x, y]);
    },
    save() {},
    restore() {},
    clip() {},
    fillText(t: string) {
      texts.push(t);
    },
    lineWidth: 1,
    strokeStyle: '',
    fillStyle: '' as unknown,
    font: '',
    textBaseline: '',
    globalAlpha: 1,
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, rects, fills, fillColors, lines, texts };
}
