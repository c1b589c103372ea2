import { describe, expect, it } from 'vitest';
import type { DocToken } from '../../src-core/host/contract';
import { withRecent, type RecentHandle } from '../../src-renderer/src/host/recentHandles';

/** A stand-in for a FileSystemFileHandle: handles for the same path are different objects that are the same entry. */
function handle(path: string): FileSystemFileHandle {
  const h = { kind: 'file', name: path.split('/').pop()!, path, isSameEntry: async (o: { path?: string }) => o.path === path };
  return h as unknown as FileSystemFileHandle;
}
const entry = (token: string, path: string): RecentHandle => ({ name: path, docToken: token as DocToken, openedAt: '2026-01-01T00:00:00Z', handle: handle(path) });

describe('Open Recent in the browser build', () => {
  it('puts the newest first and keeps one entry per file, also for a handle reopened after a reload', async () => {
    let list: RecentHandle[] = [];
    list = await withRecent(list, entry('t1', 'a.json'));
    list = await withRecent(list, entry('t2', 'b.json'));
    // After a reload the user picks a.json again: a new token and a new handle object, the same file.
    list = await withRecent(list, entry('t3', 'a.json'));
    expect(list.map((r) => [r.docToken, r.name])).toEqual([
      ['t3', 'a.json'],
      ['t2', 'b.json'],
    ]);
  });

  it('keeps at most ten files', async () => {
    let list: RecentHandle[] = [];
    for (let i = 0; i < 14; i++) list = await withRecent(list, entry(`t${i}`, `f${i}.json`));
    expect(list).toHaveLength(10);
    expect(list[0]!.name).toBe('f13.json');
    expect(list.at(-1)!.name).toBe('f4.json');
  });
});
