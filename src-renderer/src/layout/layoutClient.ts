import { layoutGraph, type LayoutInput, type LayoutReply, type LayoutRequest, type LayoutResult, type LayoutWireOptions } from '../../../src-core/layout';

/** The part of a `Worker` the client uses (a fake in tests). */
export interface LayoutWorkerLike {
  postMessage(message: LayoutRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<LayoutReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** Lays graphs out in a worker; at most one layout is in flight. */
export interface LayoutClient {
  /**
   * Lays out a graph off the UI thread. A newer request supersedes an older one, which resolves to
   * null; so does a {@link LayoutClient.cancel}. Rejects when the worker reports an error or crashes.
   * Runs on the calling thread (not cancellable) when no worker can be created.
   */
  request(input: LayoutInput, options: LayoutWireOptions): Promise<LayoutResult | null>;
  /**
   * Abandons the layout in flight, whether it is still queued or already running: the worker is
   * terminated (a running layout cannot see messages) and a fresh one is started on the next request.
   * Returns whether there was anything to cancel.
   */
  cancel(): boolean;
  /** True while a layout is in flight. */
  busy(): boolean;
}

/**
 * A layout client over workers made by `makeWorker` (null or a throw = no workers here: lay out on the
 * calling thread). Workers are created lazily and replaced after a cancel, a supersede or a crash.
 */
export function createLayoutClient(makeWorker: () => LayoutWorkerLike | null): LayoutClient {
  /** undefined = not created yet; null = workers unavailable. */
  let worker: LayoutWorkerLike | null | undefined;
  let nextId = 1;
  let inFlight: { id: number; resolve: (r: LayoutResult | null) => void; reject: (e: Error) => void } | null = null;

  const drop = () => {
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    }
    worker = undefined;
  };

  const getWorker = (): LayoutWorkerLike | null => {
    if (worker !== undefined) return worker;
    let w: LayoutWorkerLike | null;
    try {
      w = makeWorker();
    } catch {
      w = null;
    }
    worker = w;
    if (!w) return null;
    w.onmessage = (e) => {
      const reply = e.data;
      const p = inFlight;
      if (!p || reply.requestId !== p.id) return;
      inFlight = null;
      if (reply.type === 'done') p.resolve(reply.result);
      else if (reply.type === 'cancelled') p.resolve(null);
      else p.reject(new Error(reply.message));
    };
    w.onerror = (e) => {
      const p = inFlight;
      inFlight = null;
      drop(); // a crashed worker is not reused
      p?.reject(new Error(e.message || 'The layout worker failed.'));
    };
    return w;
  };

  const cancel = (): boolean => {
    const p = inFlight;
    if (!p) return false;
    inFlight = null;
    drop();
    p.resolve(null);
    return true;
  };

  return {
    request(input, options) {
      cancel();
      const w = getWorker();
      if (!w) return Promise.resolve(layoutGraph(input, options));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        inFlight = { id, resolve, reject };
        w.postMessage({ type: 'layout', requestId: id, input, options });
      });
    },
    cancel,
    busy: () => inFlight !== null,
  };
}

const client = createLayoutClient(() =>
  typeof Worker === 'undefined' ? null : (new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' }) as unknown as LayoutWorkerLike),
);

/** Lays out a graph in the layout Web Worker (the UI never freezes); see {@link LayoutClient.request}. */
export function requestLayout(input: LayoutInput, options: LayoutWireOptions): Promise<LayoutResult | null> {
  return client.request(input, options);
}

/** Cancels the layout in flight (queued or running); see {@link LayoutClient.cancel}. */
export function cancelLayout(): boolean {
  return client.cancel();
}
