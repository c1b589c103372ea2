import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addCompetency } from '../../src-core/commands/competencies';
import type { LayoutResult } from '../../src-core/layout';
import { createFramework } from '../../src-core/model/defaults';
import { newId, type CompetencyId } from '../../src-core/model/ids';
import { createEditorStore } from '../../src-renderer/src/store/editorStore';

/** The layout client, controlled by the test: each request waits until the test answers it. */
const requests: { resolve: (r: LayoutResult | null) => void }[] = [];
const cancelLayout = vi.fn(() => {
  const r = requests.at(-1);
  r?.resolve(null);
  return !!r;
});
vi.mock('../../src-renderer/src/layout/layoutClient', () => ({
  requestLayout: () => new Promise<LayoutResult | null>((resolve) => requests.push({ resolve })),
  cancelLayout: () => cancelLayout(),
}));
const { autoLayout, cancelAutoLayout } = await import('../../src-renderer/src/layout/autoLayout');

function setup() {
  const store = createEditorStore({ framework: createFramework({ title: 'Fractions' }) });
  const ids = ['A', 'B'].map((code, i) => {
    const id = newId<CompetencyId>();
    store.run(addCompetency({ id, code, position: { x: 500 - 300 * i, y: 0 } }));
    return id;
  });
  return { store, ids };
}
const laidOut = (ids: string[]): LayoutResult => ({ positions: Object.fromEntries(ids.map((id, i) => [id, { x: 1000 + 300 * i, y: 40 }])) }) as unknown as LayoutResult;
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  requests.length = 0;
  cancelLayout.mockClear();
});

describe('auto-layout: progress and cancel', () => {
  it('is running until the layout arrives, then moves every competency in one undo step', async () => {
    const { store, ids } = setup();
    const run = autoLayout(store);
    expect(store.getSnapshot().session.layoutRunning).toBe(true);
    requests[0]!.resolve(laidOut(ids));
    await run;
    expect(store.getSnapshot().session.layoutRunning).toBe(false);
    expect(store.getSnapshot().doc.framework.competencies[ids[0] as CompetencyId]!.position).toEqual({ x: 1000, y: 40 });
    expect(store.getSnapshot().undoLabel).toBe('auto-layout');
  });

  it('cancel frees the UI at once, moves nothing and leaves no undo step', async () => {
    const { store, ids } = setup();
    const before = store.getSnapshot().doc.framework;
    const run = autoLayout(store);
    expect(cancelAutoLayout(store)).toBe(true);
    expect(cancelLayout).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().session.layoutRunning).toBe(false);
    expect(store.getSnapshot().session.notice?.message).toMatch(/cancelled/);
    await run;
    // even if the abandoned layout's answer had raced in, nothing moves
    requests[0]!.resolve(laidOut(ids));
    await tick();
    expect(store.getSnapshot().doc.framework).toBe(before);
    expect(store.getSnapshot().undoLabel).not.toBe('auto-layout');
  });

  it('has nothing to cancel when no layout runs', () => {
    const { store } = setup();
    expect(cancelAutoLayout(store)).toBe(false);
    expect(cancelLayout).not.toHaveBeenCalled();
  });

  it('a superseded run neither applies its result nor ends the newer run’s progress state', async () => {
    const { store, ids } = setup();
    const first = autoLayout(store);
    const second = autoLayout(store);
    requests[0]!.resolve(laidOut(ids)); // the older answer arrives late
    await first;
    expect(store.getSnapshot().session.layoutRunning).toBe(true);
    expect(store.getSnapshot().undoLabel).not.toBe('auto-layout');
    requests[1]!.resolve(laidOut([...ids].reverse()));
    await second;
    expect(store.getSnapshot().session.layoutRunning).toBe(false);
    expect(store.getSnapshot().doc.framework.competencies[ids[1] as CompetencyId]!.position).toEqual({ x: 1000, y: 40 });
  });

  it('a later run takes down the earlier run’s "cancelled" notice, and the notice does not return when it succeeds', async () => {
    const { store, ids } = setup();
    const first = autoLayout(store);
    cancelAutoLayout(store);
    await first;
    expect(store.getSnapshot().session.notice?.message).toBe('Auto-layout cancelled; nothing was moved.');
    const second = autoLayout(store);
    expect(store.getSnapshot().session.notice).toBeNull();
    requests[1]!.resolve(laidOut(ids));
    await second;
    expect(store.getSnapshot().session.notice).toBeNull();
    expect(store.getSnapshot().undoLabel).toBe('auto-layout');
  });

  it('a new run leaves a notice about something else alone', async () => {
    const { store, ids } = setup();
    const first = autoLayout(store);
    cancelAutoLayout(store);
    await first;
    store.notify('info', 'Saved.');
    const second = autoLayout(store);
    expect(store.getSnapshot().session.notice?.message).toBe('Saved.');
    requests[1]!.resolve(laidOut(ids));
    await second;
  });
});
