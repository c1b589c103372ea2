import type { HostApi } from '../../../src-core/host/contract';
import { createBrowserHost } from './browserHost';

/** The host: Electron's preload provides `window.host`; in a plain browser the browser host is installed. */
export function installHost(): HostApi {
  if (!window.host) window.host = createBrowserHost(window);
  return window.host;
}
