import { casePackageUrl } from '../../src-core/case/serverUrl';
import type { HostResult, PickedFile } from '../../src-core/host/contract';
import { MAX_FILE_BYTES } from '../../src-core/model/types';
import { fail, ok } from '../../src-core/result';

/** Options of {@link fetchCasePackage}; tests inject a short timeout, a small limit or a fake fetch. */
export interface CaseFetchOptions {
  /**
   * Defaults to Node's global `fetch`. The desktop app passes Electron's `net.fetch`, which goes through
   * Chromium's network stack: the system's proxy settings and certificate store (school networks).
   */
  fetch?: typeof globalThis.fetch;
  /** Whole request, headers and body (default 30 s). */
  timeoutMs?: number;
  /** Largest package accepted, enforced while the body streams in (default {@link MAX_FILE_BYTES}). */
  maxBytes?: number;
}

export const CASE_FETCH_TIMEOUT_MS = 30_000;
/** Packages up to this size are parsed in main to check they are JSON and to name them by their title. */
const PARSE_LIMIT = 20 * 1024 * 1024;
/** Bytes of an error answer read for its `imsx_StatusInfo`. */
const ERROR_BODY_LIMIT = 64 * 1024;
const MAX_URL_LENGTH = 8192;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Chromium's network errors (Electron's `net.fetch` rejects with `net::ERR_…` messages) → Node's codes. */
const CHROMIUM_ERRORS: Record<string, string> = {
  ERR_NAME_NOT_RESOLVED: 'ENOTFOUND',
  ERR_INTERNET_DISCONNECTED: 'ENETDOWN',
  ERR_NETWORK_CHANGED: 'ENETDOWN',
  ERR_ADDRESS_UNREACHABLE: 'EHOSTUNREACH',
  ERR_PROXY_CONNECTION_FAILED: 'ENETUNREACH',
  ERR_CONNECTION_REFUSED: 'ECONNREFUSED',
  ERR_CONNECTION_RESET: 'ECONNRESET',
  ERR_CONNECTION_CLOSED: 'ECONNRESET',
  ERR_EMPTY_RESPONSE: 'ECONNRESET',
  ERR_CONNECTION_TIMED_OUT: 'ETIMEDOUT',
  ERR_TIMED_OUT: 'ETIMEDOUT',
};

/**
 * The error code of a failed fetch: undici wraps the socket error (sometimes an AggregateError) in
 * `cause`; Electron's `net.fetch` says `net::ERR_…` in the message.
 */
function networkCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; depth < 5 && cur && typeof cur === 'object'; depth++) {
    const o = cur as { code?: unknown; errors?: unknown[]; cause?: unknown; message?: unknown };
    if (typeof o.code === 'string' && o.code !== 'ABORT_ERR') return o.code;
    const chromium = typeof o.message === 'string' ? /net::(ERR_[A-Z0-9_]+)/.exec(o.message)?.[1] : undefined;
    if (chromium) return CHROMIUM_ERRORS[chromium] ?? chromium;
    if (Array.isArray(o.errors) && o.errors.length) {
      const inner = networkCode(o.errors[0]);
      if (inner) return inner;
    }
    cur = o.cause;
  }
  return undefined;
}

function networkProblem(e: unknown, host: string) {
  const code = networkCode(e);
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NODATA':
    case 'EAI_NONAME':
    case 'ENETUNREACH':
    case 'ENETDOWN':
    case 'EHOSTUNREACH':
    case 'EHOSTDOWN':
      return fail('offline', `Could not reach ${host} — check the address or your internet connection.`);
    case 'ECONNREFUSED':
      return fail('connection-refused', `${host} refused the connection — check the address (and port), or whether the CASE server is running.`);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return fail('connection-lost', `The connection to ${host} broke off before the package arrived. Try again.`);
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return fail('timeout', `${host} did not answer in time — check the address or your internet connection, or try again later.`);
  }
  if (code && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|ISSUER/i.test(code)) {
    return fail('tls-failed', `The secure connection to ${host} failed (${code}): its certificate is not trusted.`);
  }
  const detail = code ?? ((e as Error)?.message || String(e));
  return fail('fetch-failed', `Could not download the package from ${host} (${detail}).`);
}

/** The `imsx_description` of a CASE error answer (`imsx_StatusInfo`, bare or wrapped), if any. */
export function imsxDescription(body: string): string | undefined {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const info = (o.imsx_StatusInfo ?? o.imsx_statusInfo ?? o) as Record<string, unknown> | null;
  const d = info && typeof info === 'object' ? info.imsx_description : undefined;
  if (typeof d !== 'string' || !d.trim()) return undefined;
  const s = d.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

function httpProblem(status: number, statusText: string, body: string, host: string) {
  const desc = imsxDescription(body);
  const said = desc ? ` The server said: “${desc}”` : '';
  const http = `HTTP ${status}${statusText || STATUS_TEXT[status] ? ` ${statusText || STATUS_TEXT[status]}` : ''}`;
  if (status === 404 || status === 410) {
    return fail('not-found', `${host} has no CASE package at this address (${http}).${said} Check the document identifier and the v1p0/v1p1 part of the address.`);
  }
  if (status === 401 || status === 403) {
    return fail('forbidden', `${host} refused access (${http}).${said} This CASE server needs a sign-in, which Progressions does not support: download the package in your web browser and import the file.`);
  }
  if (status >= 500) return fail('server-error', `${host} had a problem answering (${http}).${said} Try again later.`);
  return fail('http-error', `${host} answered ${http}.${said}`);
}

/** Reads at most `limit` bytes of a body; `null` when it is larger (the download is cancelled). */
async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number, abort: () => void): Promise<string | null> {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      abort();
      await reader.cancel().catch(() => {});
      return null;
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** A file name from the document's title (else its identifier): no folders, no characters file systems refuse. */
export function casePackageName(title: unknown, documentId: string): string {
  const base = (typeof title === 'string' && title.trim() ? title : documentId)
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
    .replace(/^\.+/, '');
  return `${base || 'CASE package'}.json`;
}

function titleOf(value: unknown): unknown {
  if (!value || typeof value !== 'object') return undefined;
  const o = value as Record<string, unknown>;
  const pkg = (o.CFPackage && typeof o.CFPackage === 'object' ? o.CFPackage : o) as Record<string, unknown>;
  const doc = pkg.CFDocument as Record<string, unknown> | undefined;
  return doc && typeof doc === 'object' ? doc.title : undefined;
}

/**
 * `import:fetchCase` on the desktop: downloads a CASE package from the address the user pasted (a
 * CFPackages or CFDocuments address, v1p0 or v1p1; see `casePackageUrl`). Only http(s) without a user
 * name or password; `Accept: application/json`; a time limit and a size limit enforced while the body
 * streams in. Every failure (offline, refused, timeout, HTTP status with the server's `imsx_description`,
 * not JSON, too large) is a value with a message for the user.
 */
export async function fetchCasePackage(request: unknown, options: CaseFetchOptions = {}): Promise<HostResult<PickedFile>> {
  const input = (request as { url?: unknown } | null)?.url;
  if (typeof input !== 'string' || !input.trim()) return fail('bad-url', 'Paste the address of a CASE package, e.g. https://case.example.org/ims/case/v1p1/CFPackages/<document id>.');
  if (input.length > MAX_URL_LENGTH) return fail('bad-url', 'This address is too long to be a CASE package address.');
  const target = casePackageUrl(input);
  if (!target.ok) return target;
  let url: URL;
  try {
    url = new URL(target.value.url);
  } catch {
    return fail('bad-url', `"${input.trim().slice(0, 200)}" is not a valid web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('bad-url', `Only http(s) CASE servers are supported (found ${url.protocol}).`);
  if (url.username || url.password) {
    return fail('bad-url', 'Addresses with a user name or password are not supported (they would be kept in plain text). Remove the "name:password@" part.');
  }
  const host = url.host;
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? CASE_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, timeoutMs);
  const timeout = () =>
    fail('timeout', `${host} did not send the package within ${Math.round(timeoutMs / 1000)} seconds. Try again later, or download the package in your web browser and import the file.`);
  try {
    let res: Response;
    try {
      res = await doFetch(url.href, { headers: { Accept: 'application/json' }, signal: ctrl.signal, redirect: 'follow' });
    } catch (e) {
      return timedOut ? timeout() : networkProblem(e, host);
    }
    if (!res.ok) {
      const body = (await readLimited(res.body, ERROR_BODY_LIMIT, () => ctrl.abort()).catch(() => '')) ?? '';
      return httpProblem(res.status, res.statusText, body, host);
    }
    const declared = Number(res.headers.get('content-length'));
    const tooLarge = () => fail('too-large', `The package at ${host} is larger than ${mb(maxBytes)}; Progressions does not import packages that large.`);
    if (Number.isFinite(declared) && declared > maxBytes) {
      ctrl.abort();
      return tooLarge();
    }
    let text: string | null;
    try {
      text = await readLimited(res.body, maxBytes, () => ctrl.abort());
    } catch (e) {
      return timedOut ? timeout() : networkProblem(e, host);
    }
    if (text === null) return tooLarge();
    const type = res.headers.get('content-type') ?? '';
    const start = /\S/.exec(text)?.[0];
    if (start !== '{') {
      if (!start) return fail('not-json', `${host} sent an empty answer instead of a CASE package.`);
      if (start === '<' || /html/i.test(type)) {
        return fail('not-json', `${host} answered with a web page, not a CASE package (JSON). Check that the address is the CASE API address (…/ims/case/v1p1/CFPackages/<document id>).`);
      }
      return fail('not-json', `${host} did not answer with a CASE package (JSON)${type ? `; it sent ${type.split(';')[0]}` : ''}.`);
    }
    let title: unknown;
    if (text.length <= PARSE_LIMIT) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        return fail('not-json', `${host} sent a package that is not valid JSON (${(e as Error).message}); it may have been cut off. Try again.`);
      }
      title = titleOf(value);
    }
    return ok({ text, name: casePackageName(title, target.value.documentId) });
  } finally {
    clearTimeout(timer);
  }
}
