// Preload: exposes the typed host API as `window.host` and nothing else — no ipcRenderer, no
// generic send. Bundled as one CommonJS file (sandboxed preloads cannot load modules).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { HOST_EVENTS, HOST_METHODS, type HostApi, type HostEvent, type HostEvents, type HostMethodName } from '../../src-core/host/contract';
import { PRELOAD_CHANNELS } from './ipc';

const methods = {} as { -readonly [M in HostMethodName]: HostApi[M] };
for (const name of Object.keys(HOST_METHODS) as HostMethodName[]) {
  const channel = HOST_METHODS[name];
  // One request object (or none) in, one result out; nothing else crosses.
  methods[name] = ((request?: unknown) => ipcRenderer.invoke(channel, request)) as never;
}

const platform: HostApi['platform'] = process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'windows' : 'linux';
const announced = new Set<HostEvent>();

const host = {
  ...methods,
  kind: 'electron' as const,
  platform,
  on<E extends HostEvent>(event: E, listener: (payload: HostEvents[E]) => void): () => void {
    if (!(HOST_EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown host event: ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, payload: HostEvents[E]) => listener(payload);
    ipcRenderer.on(event, wrapped);
    if (!announced.has(event)) {
      announced.add(event);
      ipcRenderer.send(PRELOAD_CHANNELS.listening, event);
    }
    return () => void ipcRenderer.removeListener(event, wrapped);
  },
} satisfies HostApi;

contextBridge.exposeInMainWorld('host', host);

// The few DOM types the drop handler needs (this file compiles with the Node tsconfig, without DOM).
interface DroppedFile {
  name: string;
}
interface DropEvent {
  isTrusted: boolean;
  dataTransfer: { types: readonly string[]; files: ArrayLike<DroppedFile> } | null;
  preventDefault(): void;
  stopPropagation(): void;
}
declare const window: { addEventListener(type: 'dragover' | 'drop', listener: (e: DropEvent) => void, capture: boolean): void };

// Files dropped on the window open as documents. Only a real (trusted) drop of framework files is
// handled here; the page never sees or sends their paths.
const isDocumentName = (name: string) => /\.(progressions|json)$/i.test(name);
window.addEventListener(
  'dragover',
  (e) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  },
  true,
);
window.addEventListener(
  'drop',
  (e) => {
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (!e.isTrusted || files.length === 0 || !files.every((f) => isDocumentName(f.name))) return;
    e.preventDefault();
    e.stopPropagation();
    const paths = files.map((f) => webUtils.getPathForFile(f as Parameters<typeof webUtils.getPathForFile>[0])).filter((p) => p !== '');
    if (paths.length) ipcRenderer.send(PRELOAD_CHANNELS.dropped, paths);
  },
  true,
);
