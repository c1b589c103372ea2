import { beforeAll, describe, expect, it, vi } from 'vitest';
import { HOST_EVENTS, HOST_METHODS } from '../../src-core/host/contract';

const exposed = new Map<string, any>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }));
const send = vi.fn();
const on = vi.fn();
const removeListener = vi.fn();
const windowListeners = new Map<string, (e: any) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke, send, on, removeListener },
  webUtils: { getPathForFile: (f: { path: string }) => f.path },
}));

beforeAll(async () => {
  (globalThis as any).window = { addEventListener: (type: string, l: (e: any) => void) => windowListeners.set(type, l) };
  await import('../../src-main/electron/preload');
});

describe('preload', () => {
  it('exposes exactly window.host: every contract method, kind, platform and on — nothing else', () => {
    expect([...exposed.keys()]).toEqual(['host']);
    const host = exposed.get('host');
    expect(Object.keys(host).sort()).toEqual([...Object.keys(HOST_METHODS), 'kind', 'on', 'platform'].sort());
    expect(host.kind).toBe('electron');
    expect(['mac', 'windows', 'linux']).toContain(host.platform);
    expect(host.ipcRenderer).toBeUndefined();
    expect(host.send).toBeUndefined();
    expect(host.invoke).toBeUndefined();
  });

  it('each method invokes its own channel with the one request object', async () => {
    const host = exposed.get('host');
    for (const [method, channel] of Object.entries(HOST_METHODS)) {
      invoke.mockClear();
      await host[method]({ probe: method });
      expect(invoke).toHaveBeenCalledWith(channel, { probe: method });
    }
  });

  it('subscribes only to contract events, tells main once per event, and unsubscribes', () => {
    const host = exposed.get('host');
    expect(() => host.on('some:channel', () => undefined)).toThrow(/Unknown host event/);
    const listener = vi.fn();
    const off = host.on('menu:command', listener);
    host.on('menu:command', () => undefined);
    expect(send.mock.calls.filter((c) => c[0] === 'host:listening')).toEqual([['host:listening', 'menu:command']]);
    const wrapped = on.mock.calls.find((c) => c[0] === 'menu:command')![1];
    wrapped({ sender: 'ipc event, never shown to the page' }, { command: 'file:save' });
    expect(listener).toHaveBeenCalledWith({ command: 'file:save' });
    off();
    expect(removeListener).toHaveBeenCalledWith('menu:command', wrapped);
    expect(HOST_EVENTS.length).toBeGreaterThan(0);
  });

  it('a real drop of framework files sends their paths to main; other drops are left to the page', () => {
    const drop = windowListeners.get('drop')!;
    const event = (files: { name: string; path: string }[], isTrusted = true) => ({
      isTrusted,
      dataTransfer: { types: ['Files'], files },
      preventDefault: vi.fn(),
      stopPropagation: vi.fn(),
    });
    send.mockClear();
    const csv = event([{ name: 'standards.csv', path: '/home/t/standards.csv' }]);
    drop(csv);
    expect(csv.preventDefault).not.toHaveBeenCalled();
    drop(event([{ name: 'plan.progressions', path: '/home/t/plan.progressions' }], false));
    expect(send).not.toHaveBeenCalled();
    const good = event([{ name: 'plan.progressions', path: '/home/t/plan.progressions' }]);
    drop(good);
    expect(good.preventDefault).toHaveBeenCalled();
    expect(send).toHaveBeenCalledWith('host:dropped-files', ['/home/t/plan.progressions']);
  });
});
