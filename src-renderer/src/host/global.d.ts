import type { HostApi } from '../../../src-core/host/contract';

declare global {
  interface Window {
    /** The host API: Electron's preload exposes it; the browser build installs its own (see installHost). */
    host?: HostApi;
  }
}
export {};
