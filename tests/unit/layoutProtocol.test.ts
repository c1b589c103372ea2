import { describe, expect, it } from 'vitest';
import { createLayoutWorkerHandler, isLayoutRequest, type LayoutReply } from '../../src-core/layout';

const input = {
  nodes: [
    { id: 'a', width: 100, height: 40 },
    { id: 'b', width: 100, height: 40 },
  ],
  edges: [{ from: 'a', to: 'b' }],
};
const options = { direction: 'LR' as const, nodeSep: 10, layerSep: 40 };

describe('layout worker protocol', () => {
  it('answers a layout request with the result and its request id', () => {
    const replies: LayoutReply[] = [];
    const h = createLayoutWorkerHandler((r) => replies.push(r), () => 0);
    h.receive({ type: 'layout', requestId: 7, input, options });
    h.runPending();
    expect(replies).toHaveLength(1);
    const r = replies[0]!;
    expect(r.type).toBe('done');
    if (r.type !== 'done') return;
    expect(r.requestId).toBe(7);
    expect(r.result.positions.b!.x).toBeGreaterThan(r.result.positions.a!.x);
  });

  it('cancels a request that was cancelled or superseded before it ran', () => {
    const replies: LayoutReply[] = [];
    const h = createLayoutWorkerHandler((r) => replies.push(r));
    h.receive({ type: 'layout', requestId: 1, input, options });
    h.receive({ type: 'layout', requestId: 2, input, options });
    h.receive({ type: 'layout', requestId: 3, input, options });
    h.receive({ type: 'cancel', requestId: 3 });
    h.runPending();
    expect(replies.map((r) => [r.type, r.requestId])).toEqual([
      ['cancelled', 1],
      ['cancelled', 2],
      ['cancelled', 3],
    ]);
  });

  it('rejects malformed messages with an error reply, never a throw', () => {
    const replies: LayoutReply[] = [];
    const h = createLayoutWorkerHandler((r) => replies.push(r));
    h.receive({ type: 'layout', requestId: 4, input: { nodes: 'x' }, options });
    h.receive(null);
    expect(replies.map((r) => [r.type, r.requestId])).toEqual([
      ['error', 4],
      ['error', -1],
    ]);
    expect(isLayoutRequest({ type: 'cancel', requestId: 1 })).toBe(true);
    expect(isLayoutRequest({ type: 'layout', requestId: 1, input, options: { direction: 'diagonal' } })).toBe(false);
  });
});
