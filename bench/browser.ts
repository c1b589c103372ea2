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
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFixture } from './generate';
import { count, mb, ms, type BenchContext, type Section } from './stats';

const root = join(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.BENCH_PORT ?? 4191);
/** Our own build of the renderer (a private copy, so other builds of out/ cannot race the benchmark). */
const RENDERER = process.env.BENCH_RENDERER ?? join(root, 'bench/.results/renderer');

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
  }
  if (!existsSync(join(RENDERER, 'index.html'))) return skipped('the renderer could not be built');
  const sizesArg = argv.find((a) => a.startsWith('--browser-sizes='));
  const sizes = sizesArg ? sizesArg.split('=')[1]!.split(',').map(Number) : [2500, 10000];
  for (const n of sizes) writeFixture(n);

  const server: ChildProcess = spawn('node', ['scripts/serve.mjs', RENDERER, '--port', String(PORT), '--mount', `/bench=${join(root, 'bench/.results')}`], {
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
    try {
      for (const n of sizes) {
        const runs: CanvasFigures[] = [];
        const k = Number(argv.find((a) => a.startsWith('--browser-runs='))?.split('=')[1] ?? (n >= 10000 ? 1 : 3));
        for (let i = 0; i < k; i++) {
          ctx.log(`browser: ${n} competencies, run ${i + 1}/${k}`);
          runs.push(await measureCanvas(browser, `${base}/?open=/bench/progression-${n}.json`));
        }
        const med = (f: (x: CanvasFigures) => number) => {
          const v = runs.map(f).sort((a, b) => a - b);
          const mid = v.length >> 1;
          return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
        };
        const range = (f: (x: CanvasFigures) => number, fmt: (v: number) => string) => {
          const v = runs.map(f);
          return runs.length > 1 ? `${fmt(med(f))} (${fmt(Math.min(...v))}–${fmt(Math.max(...v))})` : fmt(med(f));
        };
        const fps = (v: number) => v.toFixed(0);
        rows.push([
          `${count(n)} (n=${runs.length})`,
          range((x) => x.openMs, ms),
          count(med((x) => x.domNodes)),
          mb(med((x) => x.heapBytes)),
          `${range((x) => x.panFitFps, fps)} fps, ${ms(med((x) => x.panFitCpuPerFrame))}/frame`,
          `${range((x) => x.panZoom1Fps, fps)} fps, ${ms(med((x) => x.panZoom1CpuPerFrame))}/frame`,
          `${range((x) => x.zoomFps, fps)} fps`,
          `${range((x) => x.dragCpuPerMove, ms)}/move, ${fps(med((x) => x.dragFps))} fps`,
        ]);
      }
    } finally {
      await browser.close();
    }
    return [
      {
        title: 'Canvas in Chromium (browser, headless, software rendering)',
        header: ['competencies', 'open → interactive', 'DOM nodes', 'JS heap after GC', 'pan, fitted to screen', 'pan at zoom 1', 'wheel zoom', 'drag one competency (zoom 1)'],
        rows,
        note:
          'Viewport 1400×900. Each run opens a fresh page on `?open=` with a generated progression (links ≈ 2 per ' +
          'competency). fps = frames painted ÷ duration while Playwright sends 60 mouse moves (pan/drag) or 20 wheel ' +
          'ticks (zoom); CPU per frame/move = main-thread task time from CDP Performance.getMetrics ÷ frames/moves. ' +
          'Limits: headless Chromium without GPU rasterises in software on 2 cores, so paint cost grows with what is ' +
          'on screen; React Flow re-renders every node and edge it keeps in the DOM on viewport changes.',
      },
    ];
  } finally {
    server.kill();
  }
}

type Browser = Awaited<ReturnType<(typeof import('playwright-core'))['chromium']['launch']>>;

/** One fresh page: open, heap, pan, zoom, drag. */
export async function measureCanvas(browser: Browser, url: string): Promise<CanvasFigures> {
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
        if (!document.querySelector('.react-flow__node-competency, .canvas-overview')) return;
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
    for (const end = Date.now() + 180_000; (await page.evaluate('window.__benchReady')) === undefined; ) {
      if (Date.now() > end) throw new Error(`the canvas did not become interactive within 180 s (${url})`);
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
    const pan = async () => {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 0; i < 60; i++) await page.mouse.move(cx + 4 * i, cy + 2 * i);
      await page.mouse.up();
    };
    const fit = await framesDuring(pan);
    const zoom = await framesDuring(async () => {
      await page.mouse.move(cx, cy);
      for (let i = 0; i < 20; i++) await page.mouse.wheel(0, i < 10 ? -60 : 60);
    });
    // zoom to 1 around the centre
    const zoomOf = () =>
      page.evaluate(
        "Number(/scale\\(([\\d.]+)\\)/.exec(document.querySelector('.react-flow__viewport')?.style.transform ?? '')?.[1] ?? 1)",
      ) as Promise<number>;
    for (let i = 0; i < 12; i++) {
      const z = await zoomOf();
      if (Math.abs(Math.log2(z)) < 0.05) break;
      await page.mouse.move(cx, cy);
      await page.mouse.wheel(0, Math.log2(z) * 400);
      await page.waitForTimeout(150);
    }
    const z1 = await framesDuring(pan);
    // drag a competency that is fully on screen
    const box = (await page.evaluate(`(() => {
      for (const el of document.querySelectorAll('.react-flow__node-competency')) {
        const r = el.getBoundingClientRect();
        if (r.left > 100 && r.top > 100 && r.right < innerWidth - 300 && r.bottom < innerHeight - 200) return { x: r.left + r.width / 2, y: r.top + 12 };
      }
      return null;
    })()`)) as { x: number; y: number } | null;
    let dragCpuPerMove = Number.NaN;
    let dragFps = Number.NaN;
    if (box) {
      const moves = 60;
      const d = await framesDuring(async () => {
        await page.mouse.move(box.x, box.y);
        await page.mouse.down();
        for (let i = 1; i <= moves; i++) await page.mouse.move(box.x + 3 * i, box.y + i);
        await page.mouse.up();
      });
      dragCpuPerMove = d.cpuMs / moves;
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
