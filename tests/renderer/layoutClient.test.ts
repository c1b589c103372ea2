import { describe, expect, it } from 'vitest';
import { createLayoutWorkerHandler, type LayoutInput, type LayoutReply, type LayoutRequest, type LayoutWireOptions } from '../../src-core/layout';
import { createLayoutClient, type LayoutWorkerLike } from '../../src-renderer/src/layout/layoutClient';

/**
 * A fake Web Worker running the real worker state machine (src-core/layout/protocol.ts). A "running"
 * layout is one the test has not finished yet: `finish()` runs what the worker received, as the real
 * worker does on its next task. A terminated worker never answers again.
 */
class FakeWorker implements LayoutWorkerLike {
  onmessage: ((e: MessageEvent<LayoutReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  received: LayoutRequest[] = [];
  terminated = false;
  private handler = createLayoutWorkerHandler((reply) => {
    if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<LayoutReply>);
  });
  postMessage(message: LayoutRequest): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.received.push(message);
    this.handler.receive(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  finish(): void {
    if (!this.terminated) this.handler.runPending();
  }
  crash(message: string): void {
    this.onerror?.({ message } as ErrorEvent);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const client = createLayoutClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { client, workers };
}

const input: LayoutInput = {
  nodes: ['a', 'b', 'c'].map((id) => ({ id, width: 240, height: 112 })),
  edges: [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'c' },
  ],
};
const options: LayoutWireOptions = { direction: 'LR', nodeSep: 28, layerSep: 90 };

/** Settles pending promise callbacks. */
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('layout client', () => {
  it('lays out in the worker and resolves with positions that put prerequisites first', async () => {
    const { client, workers } = setup();
    const p = client.request(input, options);
    expect(client.busy()).toBe(true);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received).toEqual([expect.objectContaining({ type: 'layout', input, options })]);
    workers[0]!.finish();
    const r = await p;
    expect(r).not.toBeNull();
    expect(r!.positions.a!.x).toBeLessThan(r!.positions.b!.x);
    expect(r!.positions.b!.x).toBeLessThan(r!.positions.c!.x);
    expect(client.busy()).toBe(false);
    // the worker is kept for the next layout
    const q = client.request(input, options);
    expect(workers).toHaveLength(1);
    workers[0]!.finish();
    expect(await q).not.toBeNull();
  });

  it('cancels a running layout by terminating its worker; the next request gets a fresh worker', async () => {
    const { client, workers } = setup();
    const p = client.request(input, options);
    expect(client.cancel()).toBe(true);
    expect(await p).toBeNull();
    expect(workers[0]!.terminated).toBe(true);
    expect(client.busy()).toBe(false);

    const q = client.request(input, options);
    expect(workers).toHaveLength(2);
    workers[1]!.finish();
    expect((await q)?.positions.c).toBeDefined();
  });

  it('has nothing to cancel when idle', () => {
    const { client, workers } = setup();
    expect(client.cancel()).toBe(false);
    expect(workers).toHaveLength(0);
  });

  it('a newer request supersedes the running one: the old resolves null and its late answer is ignored', async () => {
    const { client, workers } = setup();
    const first = client.request(input, options);
    const second = client.request({ ...input, nodes: input.nodes.slice(0, 2), edges: input.edges.slice(0, 1) }, options);
    expect(await first).toBeNull();
    expect(workers[0]!.terminated).toBe(true);
    // the abandoned worker finishing anyway must not resolve anything
    workers[0]!.finish();
    workers[1]!.finish();
    const r = await second;
    expect(Object.keys(r!.positions).sort()).toEqual(['a', 'b']);
  });

  it('rejects when the worker crashes and recovers with a fresh worker', async () => {
    const { client, workers } = setup();
    const p = client.request(input, options);
    workers[0]!.crash('out of memory');
    await expect(p).rejects.toThrow('out of memory');
    expect(workers[0]!.terminated).toBe(true);
    expect(client.busy()).toBe(false);
    const q = client.request(input, options);
    expect(workers).toHaveLength(2);
    workers[1]!.finish();
    expect(await q).not.toBeNull();
  });

  it('rejects with the worker’s message when the layout fails', async () => {
    const { client, workers } = setup();
    const p = client.request({ nodes: null, edges: [] } as unknown as LayoutInput, options);
    workers[0]!.finish();
    await expect(p).rejects.toThrow(/Malformed layout request/);
    await tick();
    expect(client.busy()).toBe(false);
  });

  it('lays out on the calling thread where no worker can be created', async () => {
    const client = createLayoutClient(() => {
      throw new Error('Worker is not defined');
    });
    const r = await client.request(input, options);
    expect(r!.positions.a!.x).toBeLessThan(r!.positions.c!.x);
    expect(client.busy()).toBe(false);
  });
});
