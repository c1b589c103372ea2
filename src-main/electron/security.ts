import type { Session, WebContents, WebPreferences } from 'electron';

/**
 * The renderer's Content Security Policy, sent as a response header too (the page also carries it
 * in a meta tag): only our own scripts, no `eval` (validators are precompiled), no remote code,
 * no plugins, no framing, no form posts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Where our renderer is loaded from: the built index.html, or electron-vite's dev server. */
export interface AppLocation {
  /** `file://…/out/renderer/index.html` */
  indexUrl: string;
  /** `http://localhost:5173/` while developing; undefined in a packaged app. */
  devServerUrl?: string;
}

/** Electron's security checklist, for every window we create. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

/**
 * True only for web links: an absolute `http:` or `https:` URL with a host and no credentials.
 * Everything else (`file:`, `javascript:`, `smb:`, custom app protocols, relative or malformed
 * text) is refused, because `shell.openExternal` would hand it to whatever program the OS picks.
 */
export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 2048 || url !== url.trim()) return false;
  // Control characters and whitespace inside a URL are a trick, never a real link.
  if (/[\u0000-\u0020\u007f]/.test(url)) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  if (!u.hostname || u.username || u.password) return false;
  // The scheme must be spelled out literally (no `HTTP:\\host` normalization games).
  return /^https?:\/\/[^/\\]/i.test(url);
}

/** The part of a frame the sender check reads (Electron's `WebFrameMain`). */
export interface FrameLike {
  url: string;
  parent: unknown;
}

/**
 * True when an IPC message comes from our own page: the top frame (no parent), showing our
 * index.html from disk or the dev server's origin. Subframes, other files and remote pages are
 * refused even if they somehow got our preload.
 */
export function isTrustedFrame(frame: FrameLike | null | undefined, app: AppLocation): boolean {
  if (!frame || frame.parent !== null || typeof frame.url !== 'string') return false;
  let u: URL;
  try {
    u = new URL(frame.url);
  } catch {
    return false;
  }
  if (u.protocol === 'file:') {
    const index = new URL(app.indexUrl);
    return index.protocol === 'file:' && u.host === index.host && samePath(u.pathname, index.pathname);
  }
  if (app.devServerUrl && (u.protocol === 'http:' || u.protocol === 'https:')) {
    return u.origin === new URL(app.devServerUrl).origin;
  }
  return false;
}

/** File URL paths compared after decoding; Windows drive paths (`/C:/…`) case-insensitively. */
function samePath(a: string, b: string): boolean {
  let x: string;
  let y: string;
  try {
    x = decodeURIComponent(a);
    y = decodeURIComponent(b);
  } catch {
    return false;
  }
  if (/^\/[A-Za-z]:\//.test(x) && /^\/[A-Za-z]:\//.test(y)) return x.toLowerCase() === y.toLowerCase();
  return x === y;
}

/** True for a navigation to our own page (a reload); every other navigation is denied. */
export function isAppUrl(url: string, app: AppLocation): boolean {
  return isTrustedFrame({ url, parent: null }, app);
}

/**
 * Locks down one web contents: no navigation away from our page, no new windows (web links go to
 * the system browser when they are safe), no webviews.
 */
export function hardenWebContents(contents: WebContents, app: AppLocation, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, app)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, app)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Locks down the session: every permission request (camera, notifications, geolocation …) and
 * permission check is denied, and every response carries our CSP.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
}
