import { layoutGraph, type LayoutInput, type LayoutReply, type LayoutResult, type LayoutWireOptions } from '../../../src-core/layout';

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: LayoutResult | null) => void; reject: (e: Error) => void }>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' });
    worker.onmessage = (e: MessageEvent<LayoutReply>) => {
      const reply = e.data;
      const p = pending.get(reply.requestId);
      if (!p) return;
      pending.delete(reply.requestId);
      if (reply.type === 'done') p.resolve(reply.result);
      else if (reply.type === 'cancelled') p.resolve(null);
      else p.reject(new Error(reply.message));
    };
    worker.onerror = (e) => {
      for (const p of pending.values()) p.reject(new Error(e.message || 'The layout worker failed.'));
      pending.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/**
 * Lays out a graph in the layout Web Worker (the UI never freezes). A newer request supersedes an
 * older one, which resolves to null. Falls back to the UI thread where workers are unavailable.
 */
export function requestLayout(input: LayoutInput, options: LayoutWireOptions): Promise<LayoutResult | null> {
  const w = getWorker();
  if (!w) return Promise.resolve(layoutGraph(input, options));
  const requestId = nextId++;
  for (const id of pending.keys()) w.postMessage({ type: 'cancel', requestId: id });
  return new Promise((resolve, reject) => {
    pending.set(requestId, { resolve, reject });
    w.postMessage({ type: 'layout', requestId, input, options });
  });
}
