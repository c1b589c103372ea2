/**
 * Message protocol between the renderer and a layout Web Worker. Worker-agnostic: the worker file
 * (in src-renderer) feeds every incoming message to {@link LayoutWorkerHandler.receive} and then
 * schedules {@link LayoutWorkerHandler.runPending} (e.g. `setTimeout(run, 0)`, so messages that
 * arrived together are seen together); the client posts {@link LayoutRequest}s and matches replies by
 * `requestId` (increasing per client).
 *
 * Cancellation: a queued request is dropped when a `cancel` for it, or any newer `layout` request, has
 * been received — it is answered `{ type: 'cancelled' }`. A layout that is already running cannot see
 * new messages (a worker runs one task at a time), so to abandon a running layout the client
 * terminates the worker and starts a fresh one (the layout keeps no state, so that is cheap and safe).
 * Inside the core, `layoutGraph`'s `shouldStop` is the cancellation point the handler wires up.
 */
import { layoutGraph } from './layoutGraph';
import type { LayoutInput, LayoutOptions, LayoutResult } from './types';

/** Options that can cross a thread boundary (no callbacks). */
export type LayoutWireOptions = Omit<LayoutOptions, 'shouldStop'>;

export type LayoutRequest =
  | { type: 'layout'; requestId: number; input: LayoutInput; options: LayoutWireOptions }
  | { type: 'cancel'; requestId: number };

export type LayoutReply =
  | { type: 'done'; requestId: number; result: LayoutResult; ms: number }
  | { type: 'cancelled'; requestId: number }
  | { type: 'error'; requestId: number; message: string };

/** True when `m` is a well-formed {@link LayoutRequest} (messages are `unknown` at the boundary). */
export function isLayoutRequest(m: unknown): m is LayoutRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  if (typeof r.requestId !== 'number') return false;
  if (r.type === 'cancel') return true;
  if (r.type !== 'layout') return false;
  const input = r.input as Record<string, unknown> | null;
  const options = r.options as Record<string, unknown> | null;
  return (
    typeof input === 'object' && input !== null && Array.isArray(input.nodes) && Array.isArray(input.edges) &&
    typeof options === 'object' && options !== null && (options.direction === 'LR' || options.direction === 'TB')
  );
}

/**
 * The worker's state machine, free of any worker API so it can be unit-tested. `post` sends a reply;
 * `now` is a clock for the `ms` figure. Handling a `layout` request runs it to completion unless a
 * later `cancel` for it (or any newer `layout` request) was recorded via {@link LayoutWorkerHandler.receive}
 * before `shouldStop` is polled.
 */
export interface LayoutWorkerHandler {
  /** Records a message without running anything (call for every incoming message). */
  receive(message: unknown): void;
  /** Runs queued requests, newest first; older pending layout requests are answered `cancelled`. */
  runPending(): void;
}

export function createLayoutWorkerHandler(post: (reply: LayoutReply) => void, now: () => number = () => Date.now()): LayoutWorkerHandler {
  const queue: Extract<LayoutRequest, { type: 'layout' }>[] = [];
  const cancelled = new Set<number>();
  let latest = -Infinity;
  return {
    receive(message) {
      if (!isLayoutRequest(message)) {
        const id = (message as { requestId?: unknown } | null)?.requestId;
        post({ type: 'error', requestId: typeof id === 'number' ? id : -1, message: 'Malformed layout request.' });
        return;
      }
      if (message.type === 'cancel') cancelled.add(message.requestId);
      else {
        queue.push(message);
        latest = Math.max(latest, message.requestId);
      }
    },
    runPending() {
      while (queue.length > 0) {
        const req = queue.shift()!;
        const stale = () => cancelled.has(req.requestId) || req.requestId < latest;
        if (stale()) {
          cancelled.delete(req.requestId);
          post({ type: 'cancelled', requestId: req.requestId });
          continue;
        }
        const t0 = now();
        try {
          const result = layoutGraph(req.input, { ...req.options, shouldStop: stale });
          if (result.cancelled) post({ type: 'cancelled', requestId: req.requestId });
          else post({ type: 'done', requestId: req.requestId, result, ms: now() - t0 });
        } catch (err) {
          post({ type: 'error', requestId: req.requestId, message: err instanceof Error ? err.message : String(err) });
        }
        cancelled.delete(req.requestId);
      }
    },
  };
}
