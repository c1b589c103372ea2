/**
 * Browser benchmarks: Playwright drives /usr/bin/chromium (headless, software rendering) against the
 * renderer built into bench/.results/renderer (the electron-vite renderer config, see
 * vite.renderer.config.ts), served by scripts/serve.mjs with bench/.results mounted at /bench,
 * opening `/?open=/bench/progression-<n>.json`. Per size:
 * - open → interactive: navigation start until competency nodes are painted and the main thread
 *   answers a task (in-page `performance.now()`),
 * - JS heap after a forced GC (CDP `Runtime.getHeapUsage`), DOM nodes rendered,
 * - pan and zoom: frames painted per second during a mouse-drag pan / wheel zoom, fitted to screen and
 *   at zoom 1, plus main-thread time per frame (CDP `Performance.getMetrics` TaskDuration),
 * - drag: main-thread time per pointer move while dragging one competency at zoom 1.
 * Sizes default to 2,500 and 10,000 competencies; `--browser-sizes=…` overrides. Skipped (with the
 * reason in the report) when the build or Chromium is missing, and in --quick mode. Env: BENCH_PORT (server
 * port), BENCH_RENDERER (where to build and serve the renderer from, so parallel runs do not race).
 *
 * Baseline in the same run, interleaved run by run: stock React Flow rendering the same file
 * (bench/baseline/, built with bench/vite.baseline.config.ts into BENCH_BASELINE, default
 * `<BENCH_RENDERER>-baseline`, served at /baseline/), once with every element rendered and once with
 * `onlyRenderVisibleElements`, measured by the same procedure. Stock React Flow is capped: sizes above
 * `--baseline-max=` (default 10,000) are not run, opening gives up after 60 s ("over 60 s"), and each
 * pan/zoom/drag phase (and the zoom-to-1 step) stops sending input after 20 s (fps over what was
 * sent), so a 10,000-competency stock run takes about two minutes. `--no-baseline` skips it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFixture } from './generate';
import { count, mb, ms, ratio, type BenchContext, type Section } from './stats';

const root = join(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.BENCH_PORT ?? 4191);
/** Our own build of the renderer (a private copy, so other builds of out/ cannot race the benchmark). */
const RENDERER = process.env.BENCH_RENDERER ?? join(root, 'bench/.results/renderer');
/** The stock React Flow baseline page (bench/baseline/), built next to the renderer. */
const BASELINE = process.env.BENCH_BASELINE ?? `${RENDERER}-baseline`;
/** Stock React Flow caps: give up opening after this long, stop each interaction phase after that long. */
const BASELINE_OPEN_LIMIT_MS = 60_000;
const BASELINE_PHASE_LIMIT_MS = 20_000;

export interface CanvasFigures {
  openMs: number;
  domNodes: number;
  heapBytes: number;
  panFitFps: number;
  panFitCpuPerFrame: number;
  panZoom1Fps: number;
  panZoom1CpuPerFrame: number;
  zoomFps: number;
  dragCpuPerMove: number;
  dragFps: number;
}

/** What a page under test looks like to {@link measureCanvas}. */
export interface CanvasTarget {
  /** CSS selector whose presence means the map is on screen. */
  readySelector: string;
  /** CSS selector of the nodes the drag phase may pick. */
  dragSelector: string;
  /** Give up opening after this long (default 180 s): throws {@link OpenTimeout}. */
  openLimitMs?: number;
  /** Stop sending pan/zoom/drag input after this long per phase (default: no limit). */
  phaseLimitMs?: number;
}

/** Our canvas: full competency nodes or the painted overview. */
export const OUR_CANVAS: CanvasTarget = { readySelector: '.react-flow__node-competency, .canvas-overview', dragSelector: '.react-flow__node-competency' };

/** The page did not become interactive within `openLimitMs`. */
export class OpenTimeout extends Error {
  constructor(readonly limitMs: number) {
    super(`the canvas did not become interactive within ${limitMs / 1000} s`);
  }
}

interface Variant {
  label: string;
  url: (n: number) => string;
  target: CanvasTarget;
  /** Why this variant is not run at size n, if it is not. */
  skip?: (n: number) => string | undefined;
}

function skipped(reason: string): Section[] {
  return [
    {
      title: 'Canvas in Chromium (browser)',
      header: ['what', 'result'],
      rows: [['open-to-interactive, pan fps, drag cost, heap', `skipped: ${reason}`]],
      note: 'Runs in the full `npm run bench` with /usr/bin/chromium installed.',
    },
  ];
}

async function waitForServer(url: string, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return false;
}

export async function browserBench(ctx: BenchContext, argv: string[] = process.argv.slice(2)): Promise<Section[]> {
  if (ctx.quick) return skipped('quick mode (Node benchmarks only)');
  if (!existsSync(CHROMIUM)) return skipped(`${CHROMIUM} is missing`);
  if (!argv.includes('--no-build')) {
    ctx.log(`browser: building the renderer into ${RENDERER}`);
    const b = spawnSync('npx', ['vite', 'build', '--config', 'bench/vite.renderer.config.ts', '--outDir', RENDERER, '--logLevel', 'error'], { cwd: root, stdio: 'ignore' });
    if (b.status !== 0) ctx.log('browser: build failed, using the previous bench/.results/renderer');
    if (!argv.includes('--no-baseline')) {
      ctx.log(`browser: building the stock React Flow baseline into ${BASELINE}`);
      const bb = spawnSync('npx', ['vite', 'build', '--config', 'bench/vite.baseline.config.ts', '--outDir', BASELINE, '--logLevel', 'error'], { cwd: root, stdio: 'ignore' });
      if (bb.status !== 0) ctx.log('browser: baseline build failed');
    }
  }
  if (!existsSync(join(RENDERER, 'index.html'))) return skipped('the renderer could not be built');
  const sizesArg = argv.find((a) => a.startsWith('--browser-sizes='));
  const sizes = sizesArg ? sizesArg.split('=')[1]!.split(',').map(Number) : [2500, 10000];
  for (const n of sizes) writeFixture(n);

  const baselineMax = Number(argv.find((a) => a.startsWith('--baseline-max='))?.split('=')[1] ?? 10_000);
  const withBaseline = !argv.includes('--no-baseline') && existsSync(join(BASELINE, 'index.html'));
  const server: ChildProcess = spawn('node', ['scripts/serve.mjs', RENDERER, '--port', String(PORT), '--mount', `/bench=${join(root, 'bench/.results')}`, '--mount', `/baseline=${BASELINE}`], {
    cwd: root,
    stdio: 'ignore',
  });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    if (!(await waitForServer(`${base}/`))) return skipped('the static server did not start');
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const rows: string[][] = [];
    const stockTarget = (visible: boolean): Variant => ({
      label: visible ? 'stock React Flow (onlyRenderVisibleElements)' : 'stock React Flow (all rendered)',
      url: (n) => `${base}/baseline/?open=/bench/progression-${n}.json${visible ? '&visible=1' : ''}`,
      target: { readySelector: '.react-flow__node', dragSelector: '.react-flow__node', openLimitMs: BASELINE_OPEN_LIMIT_MS, phaseLimitMs: BASELINE_PHASE_LIMIT_MS },
      skip: (n) => (n > baselineMax ? `not run above ${count(baselineMax)} competencies (--baseline-max)` : undefined),
    });
    const variants: Variant[] = [
      { label: 'Progressions', url: (n) => `${base}/?open=/bench/progression-${n}.json`, target: OUR_CANVAS },
      ...(withBaseline ? [stockTarget(false), stockTarget(true)] : []),
    ];
    try {
      for (const n of sizes) {
        const file = JSON.parse(readFileSync(join(root, `bench/.results/progression-${n}.json`), 'utf8')) as { framework: { competencies: Record<string, { position: { x: number; y: number } }> } };
        const positions = Object.values(file.framework.competencies).map((c) => c.position);
        const k = Number(argv.find((a) => a.startsWith('--browser-runs='))?.split('=')[1] ?? (n >= 10000 ? 1 : 3));
        const active = variants.filter((v) => !v.skip?.(n));
        const runs = new Map<Variant, (CanvasFigures | OpenTimeout)[]>(active.map((v) => [v, []]));
        // interleaved: every run measures each variant once, rotating which goes first
        for (let i = 0; i < k; i++) {
          for (let j = 0; j < active.length; j++) {
            const v = active[(i + j) % active.length]!;
            ctx.log(`browser: ${n} competencies, ${v.label}, run ${i + 1}/${k}`);
            try {
              runs.get(v)!.push(await measureCanvas(browser, v.url(n), v.target, positions));
            } catch (e) {
              if (!(e instanceof OpenTimeout)) throw e;
              runs.get(v)!.push(e);
            }
          }
        }
        const ours = summarize(runs.get(variants[0]!) ?? []);
        for (const v of variants) {
          const why = v.skip?.(n);
          if (why) {
            rows.push([v.label, count(n), `skipped: ${why}`, '', '', '', '', '', '', '']);
            continue;
          }
          const s = summarize(runs.get(v)!);
          rows.push([v.label, ...s.cells(n), v === variants[0] ? '1×' : ratioCell(s, ours)]);
        }
      }
    } finally {
      await browser.close();
    }
    return [
      {
        title: 'Canvas in Chromium (browser, headless, software rendering)',
        header: ['renderer', 'competencies', 'open → interactive', 'DOM nodes', 'JS heap after GC', 'pan, fitted to screen', 'pan at zoom 1', 'wheel zoom', 'drag one competency (zoom 1)', 'vs Progressions'],
        rows,
        note:
          'Viewport 1400×900. Each run opens a fresh page on `?open=` with a generated progression (links ≈ 2 per ' +
          'competency). fps = frames painted ÷ duration while Playwright sends 60 mouse moves (pan/drag) or 20 wheel ' +
          'ticks (zoom); CPU per frame/move = main-thread task time from CDP Performance.getMetrics ÷ frames/moves. ' +
          'Limits: headless Chromium without GPU rasterises in software on 2 cores, so paint cost grows with what is ' +
          'on screen; React Flow re-renders every node and edge it keeps in the DOM on viewport changes. ' +
          'Stock React Flow rows: the same file in a minimal page (bench/baseline/: default nodes showing code and ' +
          'statement, default edges, controlled nodes with applyNodeChanges, fitView, same zoom limits), measured in ' +
          'the same run, interleaved; opening is capped at 60 s and each interaction phase at 20 s of input. ' +
          '"vs Progressions": open time, heap and drag cost as stock ÷ ours (above 1× = ours is better), pan fps as ' +
          'ours ÷ stock (above 1× = ours is smoother).',
      },
    ];
  } finally {
    server.kill();
  }
}

function median(v: number[]): number {
  const a = v.filter((x) => !Number.isNaN(x)).sort((x, y) => x - y);
  if (a.length === 0) return Number.NaN;
  const mid = a.length >> 1;
  return a.length % 2 ? a[mid]! : (a[mid - 1]! + a[mid]!) / 2;
}

interface Summary {
  med: (f: (x: CanvasFigures) => number) => number;
  /** Every run gave up opening. */
  timedOut?: OpenTimeout;
  cells: (n: number) => string[];
}

/** Medians (with min–max when several runs) of one variant's runs, as table cells. */
function summarize(all: (CanvasFigures | OpenTimeout)[]): Summary {
  const runs = all.filter((r): r is CanvasFigures => !(r instanceof OpenTimeout));
  const timeouts = all.length - runs.length;
  const med = (f: (x: CanvasFigures) => number) => median(runs.map(f));
  const range = (f: (x: CanvasFigures) => number, fmt: (v: number) => string) => {
    const v = runs.map(f).filter((x) => !Number.isNaN(x));
    if (v.length === 0) return '—';
    return v.length > 1 ? `${fmt(med(f))} (${fmt(Math.min(...v))}–${fmt(Math.max(...v))})` : fmt(med(f));
  };
  const fps = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(0));
  const msOr = (v: number) => (Number.isNaN(v) ? '—' : ms(v));
  if (runs.length === 0) {
    const t = all[0] as OpenTimeout | undefined;
    const over = t ? `over ${t.limitMs / 1000} s` : '—';
    return { med, timedOut: t, cells: (n) => [`${count(n)} (n=${all.length})`, over, '', '', '', '', '', ''] };
  }
  return {
    med,
    cells: (n) => [
      `${count(n)} (n=${runs.length}${timeouts ? `, ${timeouts} over the open limit` : ''})`,
      range((x) => x.openMs, ms),
      count(med((x) => x.domNodes)),
      mb(med((x) => x.heapBytes)),
      `${range((x) => x.panFitFps, fps)} fps, ${msOr(med((x) => x.panFitCpuPerFrame))}/frame`,
      `${range((x) => x.panZoom1Fps, fps)} fps, ${msOr(med((x) => x.panZoom1CpuPerFrame))}/frame`,
      `${range((x) => x.zoomFps, fps)} fps`,
      `${range((x) => x.dragCpuPerMove, ms)}/move, ${fps(med((x) => x.dragFps))} fps`,
    ],
  };
}

/** How a stock React Flow variant compares with ours (see the section note for the direction). */
function ratioCell(stock: Summary, ours: Summary): string {
  if (stock.timedOut) return `open > ${ratio(stock.timedOut.limitMs, ours.med((x) => x.openMs))}`;
  const r = (f: (x: CanvasFigures) => number, invert = false) => (invert ? ratio(ours.med(f), stock.med(f)) : ratio(stock.med(f), ours.med(f)));
  return [
    `open ${r((x) => x.openMs)}`,
    `heap ${r((x) => x.heapBytes)}`,
    `drag ${r((x) => x.dragCpuPerMove)}`,
    `pan fps ${r((x) => x.panFitFps, true)} fitted, ${r((x) => x.panZoom1Fps, true)} at zoom 1`,
  ].join('; ');
}

type Browser = Awaited<ReturnType<(typeof import('playwright-core'))['chromium']['launch']>>;

/** One fresh page: open, heap, pan (from an empty spot of the pane), zoom, drag. */
export async function measureCanvas(
  browser: Browser,
  url: string,
  target: CanvasTarget = OUR_CANVAS,
  /** Flow positions (top-left) of the file's competencies: where to zoom in to 1 (default: the centre). */
  positions?: readonly { x: number; y: number }[],
): Promise<CanvasFigures> {
  const debug = (m: string) => process.env.BENCH_DEBUG && console.error(`[measureCanvas ${new Date().toISOString().slice(11, 19)}] ${m}`);
  const openLimitMs = target.openLimitMs ?? 180_000;
  const phaseLimitMs = target.phaseLimitMs ?? Number.POSITIVE_INFINITY;
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    // Ready = the map is on screen (full nodes or the overview) and then the main thread stays
    // responsive: the start of the first 250 ms window with no task longer than 50 ms (TTI-like).
    // A string, not a function: tsx wraps named inner functions in a `__name` helper the page lacks.
    // (A requestAnimationFrame loop started this early never runs in headless Chromium; timers do.)
    await page.addInitScript(`(() => {
      const iv = setInterval(() => {
        if (!document.querySelector(${JSON.stringify(target.readySelector)})) return;
        clearInterval(iv);
        let quietFrom = performance.now();
        let last = quietFrom;
        const check = () => {
          const now = performance.now();
          if (now - last > 50) quietFrom = now;
          last = now;
          if (now - quietFrom >= 250) window.__benchReady = quietFrom;
          else setTimeout(check, 10);
        };
        setTimeout(check, 10);
      }, 10);
    })()`);
    await page.goto(url, { waitUntil: 'commit' });
    // polled from Node: waitForFunction would `eval` in the page, which the app's CSP forbids
    for (const end = Date.now() + openLimitMs; (await page.evaluate('window.__benchReady')) === undefined; ) {
      if (Date.now() > end) throw new OpenTimeout(openLimitMs);
      await page.waitForTimeout(100);
    }
    const openMs = (await page.evaluate('window.__benchReady')) as number;
    await page.waitForTimeout(500); // the initial fitView settles
    const domNodes = (await page.evaluate("document.querySelectorAll('.react-flow__node').length")) as number;
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const cx = pane.x + pane.width / 2;
    const cy = pane.y + pane.height / 2;

    const taskSeconds = async () => {
      const m = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      return m.metrics.find((x) => x.name === 'TaskDuration')?.value ?? 0;
    };
    /** Runs `act` while counting painted frames; returns fps and main-thread ms per frame. */
    const framesDuring = async (act: () => Promise<void>): Promise<{ fps: number; cpuPerFrame: number; frames: number; cpuMs: number }> => {
      // a string, not a function: tsx would wrap named inner functions in a `__name` helper the page lacks
      await page.evaluate(`(() => {
        window.__frames = 0;
        window.__counting = true;
        const tick = () => { if (!window.__counting) return; window.__frames++; requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
      })()`);
      const cpu0 = await taskSeconds();
      const t0 = Date.now();
      await act();
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
      const elapsed = (Date.now() - t0) / 1000;
      const cpuMs = ((await taskSeconds()) - cpu0) * 1000;
      const frames = (await page.evaluate('window.__counting = false, window.__frames')) as number;
      return { fps: frames / elapsed, cpuPerFrame: cpuMs / Math.max(1, frames), frames, cpuMs };
    };
    /** False once the current phase has sent input for `phaseLimitMs`. */
    const within = (t0: number) => Date.now() - t0 < phaseLimitMs;
    /**
     * The empty spot of the pane nearest the centre to start a pan drag from (pressing on a node would
     * drag the node instead), such that a drag by `move` (the measured pans: 236 × 118 px) stays on the pane.
     */
    const panStart = async (move = { dx: 236, dy: 118 }): Promise<{ x: number; y: number } | null> =>
      (await page.evaluate(`(() => {
        const p = ${JSON.stringify(pane)};
        const m = ${JSON.stringify(move)};
        const inside = (x, y) =>
          x > p.x + 10 + Math.max(0, -m.dx) && y > p.y + 10 + Math.max(0, -m.dy) &&
          x < p.x + p.width - 14 - Math.max(0, m.dx) && y < p.y + p.height - 12 - Math.max(0, m.dy);
        const boxes = [];
        for (const n of document.querySelectorAll('.react-flow__node, .react-flow__panel, .lane-labels > *')) {
          if (n.classList.contains('react-flow__node-lane')) continue; // background lanes let presses through
          const r = n.getBoundingClientRect();
          if (r.right > p.x && r.bottom > p.y && r.left < p.x + p.width && r.top < p.y + p.height) boxes.push(r);
        }
        // candidates: a grid, plus the gaps between stacked nodes (links leave nodes sideways, so these
        // are rarely under a link's wide hit path); nearest the centre first
        const pts = [];
        for (let y = p.y + 10; y < p.y + p.height - 12; y += 12)
          for (let x = p.x + 10; x < p.x + p.width - 14; x += 12) pts.push({ x, y });
        for (const r of boxes) pts.push({ x: r.left + r.width / 2, y: r.bottom + 10 }, { x: r.left + r.width / 2, y: r.top - 10 });
        const c = { x: p.x + p.width / 2 - m.dx / 2, y: p.y + p.height / 2 - m.dy / 2 };
        const cand = pts
          .filter((q) => inside(q.x, q.y) && !boxes.some((r) => q.x >= r.left - 4 && q.x <= r.right + 4 && q.y >= r.top - 4 && q.y <= r.bottom + 4))
          .map((q) => ({ ...q, d: Math.hypot(q.x - c.x, q.y - c.y) }))
          .sort((a, b) => a.d - b.d);
        // hit tests are slow with thousands of SVG links: a bounded number (a press on a link does not pan)
        for (const q of cand.slice(0, 150)) {
          const el = document.elementFromPoint(q.x, q.y);
          if (el && el.classList.contains('react-flow__pane')) return { x: q.x, y: q.y };
        }
        return null;
      })()`)) as { x: number; y: number } | null;
    const transformText = () => page.evaluate("document.querySelector('.react-flow__viewport')?.style.transform ?? ''") as Promise<string>;
    /** Pans by a 60-move mouse drag on the pane; false when no empty spot was found or the view did not move. */
    let panned = true;
    const pan = async () => {
      const s = await panStart();
      const before = await transformText();
      if (!s) {
        panned = false;
        debug('no empty spot of the pane to pan from');
        return;
      }
      const t0 = Date.now();
      debug(`pan from ${s.x},${s.y}; viewport ${before}`);
      await page.mouse.move(s.x, s.y);
      await page.mouse.down();
      let i = 0;
      for (; i < 60 && within(t0); i++) await page.mouse.move(s.x + 4 * i, s.y + 2 * i);
      await page.mouse.up();
      const after = await transformText();
      debug(`${i} moves in ${Date.now() - t0} ms; viewport ${after}`);
      panned = after !== before;
    };
    const fit = await framesDuring(pan);
    if (!panned) fit.fps = fit.cpuPerFrame = Number.NaN;
    debug('wheel zoom');
    const zoom = await framesDuring(async () => {
      const t0 = Date.now();
      await page.mouse.move(cx, cy);
      for (let i = 0; i < 20 && within(t0); i++) await page.mouse.wheel(0, i < 10 ? -60 : 60);
    });
    const transformOf = async (): Promise<[number, number, number]> => {
      const t = ((await page.evaluate("document.querySelector('.react-flow__viewport')?.style.transform ?? ''")) as string) ?? '';
      const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([\d.e]+)\)/.exec(t);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 1];
    };
    const zoomOf = async () => (await transformOf())[2];
    /** Where (top-left, screen px) the competency nearest flow point `f` is, if it is on the pane. */
    const onScreen = async (f: { x: number; y: number }): Promise<{ x: number; y: number } | null> => {
      if (!positions || positions.length === 0) return null;
      let best = positions[0]!;
      for (const p of positions) if (Math.hypot(p.x - f.x, p.y - f.y) < Math.hypot(best.x - f.x, best.y - f.y)) best = p;
      const [tx, ty, k] = await transformOf();
      const sx = pane.x + tx + best.x * k;
      const sy = pane.y + ty + best.y * k;
      return sx > pane.x && sy > pane.y && sx < pane.x + pane.width && sy < pane.y + pane.height ? { x: sx, y: sy } : null;
    };
    /** The flow point under screen point `q`. */
    const flowAt = async (q: { x: number; y: number }) => {
      const [tx, ty, k] = await transformOf();
      return { x: (q.x - pane.x - tx) / k, y: (q.y - pane.y - ty) / k };
    };
    /** Drags the bare pane by (dx, dy), unmeasured, in strokes of at most a third of the pane; false when no bare spot allowed one. */
    const panBy = async (dx: number, dy: number): Promise<boolean> => {
      const strokes = Math.ceil(Math.max(Math.abs(dx) / (pane.width / 3), Math.abs(dy) / (pane.height / 3), 1));
      if (strokes > 20) return false;
      for (let n = 0; n < strokes; n++) {
        const [sx, sy] = [dx / strokes, dy / strokes];
        const s = await panStart({ dx: sx, dy: sy });
        debug(`unmeasured pan by ${Math.round(sx)},${Math.round(sy)} from ${s ? `${s.x},${s.y}` : 'nowhere'}`);
        if (!s) return false;
        await page.mouse.move(s.x, s.y);
        await page.mouse.down();
        for (let i = 1; i <= 30; i++) await page.mouse.move(s.x + (sx * i) / 30, s.y + (sy * i) / 30);
        await page.mouse.up();
        await page.waitForTimeout(200);
      }
      return true;
    };
    // Zoom to 1 around the competency nearest a fixed spot of the map, the same for every renderer
    // whatever zoom its opening fit chose (all fit the whole map; they used to stop at 0.1): 2,360 ×
    // 1,180 px up-left of the middle of the competencies' box. That is where the view centre was after the
    // fitted pan when every renderer opened at zoom 0.1, so figures stay comparable with earlier runs; the
    // map's very middle is where cross-domain links bundle (no bare pane to pan from in stock React Flow).
    // Without positions: the centre of the view.
    let anchor = { x: cx, y: cy };
    if (positions && positions.length > 0) {
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const p of positions) [x0, y0, x1, y1] = [Math.min(x0, p.x), Math.min(y0, p.y), Math.max(x1, p.x), Math.max(y1, p.y)];
      const at = (await onScreen({ x: (x0 + x1) / 2 - 2360, y: (y0 + y1) / 2 - 1180 })) ?? (await onScreen(await flowAt({ x: cx, y: cy })));
      if (at) anchor = { x: at.x + 4, y: at.y + 4 };
    }
    debug(`zoom to 1 at ${Math.round(anchor.x)},${Math.round(anchor.y)}`);
    const zoomStart = Date.now();
    for (let i = 0; i < 12 && within(zoomStart); i++) {
      const z = await zoomOf();
      if (Math.abs(Math.log2(z)) < 0.05) break;
      await page.mouse.move(anchor.x, anchor.y);
      await page.mouse.wheel(0, Math.log2(z) * 500); // d3-zoom: k × 2^(−deltaY × 0.002)
      // a busy page (stock React Flow at 10,000) applies the wheel late: wait until the zoom settles
      let last = z;
      for (const end = Date.now() + 10_000; Date.now() < end; ) {
        await page.waitForTimeout(150);
        const now = await zoomOf();
        if (now !== z && now === last) break;
        last = now;
      }
    }
    debug(`pan at zoom 1; ${await page.evaluate(`document.querySelectorAll(${JSON.stringify(target.dragSelector)}).length`)} competencies in the DOM`);
    const z1 = await framesDuring(pan);
    if (!panned) z1.fps = z1.cpuPerFrame = Number.NaN;
    debug('drag');
    // drag a competency that is fully on screen, at least 100 px inside the pane: React Flow pans the view
    // while a dragged node is within 40 px of the pane's edge (auto-pan), which would measure a pan too
    const dragTarget = async () =>
      (await page.evaluate(`(() => {
        for (const el of document.querySelectorAll(${JSON.stringify(target.dragSelector)})) {
          const r = el.getBoundingClientRect();
          if (r.left > ${pane.x + 100} && r.top > ${pane.y + 100} && r.right < ${pane.x + pane.width - 300} && r.bottom < ${pane.y + pane.height - 200}) return { x: r.left + r.width / 2, y: r.top + 12 };
        }
        return null;
      })()`)) as { x: number; y: number } | null;
    let box = await dragTarget();
    if (!box && positions && positions.length > 0) {
      // the pan at zoom 1 pushed every competency out of the drag area (the anchor was at the map's
      // edge): an unmeasured pan brings the one nearest the area's middle into it, then pick again
      const spot = { x: 400, y: 300 };
      const f = await flowAt(spot);
      let best = positions[0]!;
      for (const p of positions) if (Math.hypot(p.x - f.x, p.y - f.y) < Math.hypot(best.x - f.x, best.y - f.y)) best = p;
      const [tx, ty, k] = await transformOf();
      if (await panBy(spot.x - (pane.x + tx + best.x * k), spot.y - (pane.y + ty + best.y * k))) box = await dragTarget();
    }
    let dragCpuPerMove = Number.NaN;
    let dragFps = Number.NaN;
    debug(`drag ${box ? `from ${Math.round(box.x)},${Math.round(box.y)}` : 'nothing'}; ${await page.evaluate(`document.querySelectorAll(${JSON.stringify(target.dragSelector)}).length + ' competencies, ' + document.querySelectorAll('.react-flow__edge').length + ' links in the DOM; under the press: ' + (document.elementFromPoint(${box?.x ?? 0}, ${box?.y ?? 0})?.closest('.react-flow__node')?.getAttribute('data-id') ?? 'no competency')`)}`);
    if (box) {
      const at = box;
      let moves = 0;
      const d = await framesDuring(async () => {
        const t0 = Date.now();
        await page.mouse.move(at.x, at.y);
        await page.mouse.down();
        for (let i = 1; i <= 60 && within(t0); i++, moves++) await page.mouse.move(at.x + 3 * i, at.y + i);
        await page.mouse.up();
      });
      dragCpuPerMove = d.cpuMs / Math.max(1, moves);
      dragFps = d.fps;
    }
    return {
      openMs,
      domNodes,
      heapBytes: heap.usedSize,
      panFitFps: fit.fps,
      panFitCpuPerFrame: fit.cpuPerFrame,
      panZoom1Fps: z1.fps,
      panZoom1CpuPerFrame: z1.cpuPerFrame,
      zoomFps: zoom.fps,
      dragCpuPerMove,
      dragFps,
    };
  } finally {
    await page.close();
  }
}
