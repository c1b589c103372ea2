import { casePackageUrl } from '../../../src-core/case/serverUrl';
import type { HostResult, PickedFile } from '../../../src-core/host/contract';
import { MAX_FILE_BYTES } from '../../../src-core/model/types';
import { fail, ok } from '../../../src-core/result';

const TIMEOUT_MS = 30_000;

function fileName(text: string, documentId: string): string {
  let title: unknown;
  if (text.length <= 20 * 1024 * 1024) {
    try {
      const v = JSON.parse(text) as Record<string, unknown> | null;
      const pkg = (v && typeof v.CFPackage === 'object' && v.CFPackage ? v.CFPackage : v) as Record<string, unknown> | null;
      title = (pkg?.CFDocument as Record<string, unknown> | undefined)?.title;
    } catch {
      /* the importer reports bad JSON with line and column */
    }
  }
  const base = (typeof title === 'string' && title.trim() ? title : documentId).replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').trim().slice(0, 100);
  return `${base || 'CASE package'}.json`;
}

function imsxDescription(body: string): string {
  try {
    const v = JSON.parse(body) as Record<string, unknown>;
    const info = (v.imsx_StatusInfo ?? v) as Record<string, unknown>;
    const d = info?.imsx_description;
    return typeof d === 'string' && d.trim() ? ` The server said: “${d.trim().slice(0, 300)}”` : '';
  } catch {
    return '';
  }
}

/**
 * `import:fetchCase` in the browser build. The page's CSP allows `connect-src 'self'` only (and CASE
 * servers rarely send CORS headers), so only packages on the page's own origin can be fetched; any other
 * server gets a message pointing to the desktop app or to downloading the package and importing the file.
 */
export async function fetchCaseSameOrigin(input: string, win: Window = window): Promise<HostResult<PickedFile>> {
  if (typeof input !== 'string' || !input.trim()) return fail('bad-url', 'Paste the address of a CASE package, e.g. https://case.example.org/ims/case/v1p1/CFPackages/<document id>.');
  const target = casePackageUrl(input);
  if (!target.ok) return target;
  let url: URL;
  try {
    url = new URL(target.value.url);
  } catch {
    return fail('bad-url', `"${input.trim().slice(0, 200)}" is not a valid web address.`);
  }
  if (url.username || url.password) return fail('bad-url', 'Addresses with a user name or password are not supported. Remove the "name:password@" part.');
  if (url.origin !== win.location.origin) {
    return fail(
      'needs-desktop',
      `The browser version of Progressions cannot download from ${url.host}: importing straight from a CASE server needs the desktop app. Instead, open the address in your web browser, save the package (JSON), and import the file with “Choose a CASE package…”.`,
    );
  }
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = win.setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, TIMEOUT_MS);
  try {
    const res = await win.fetch(url.href, { headers: { Accept: 'application/json' }, signal: ctrl.signal, credentials: 'same-origin' });
    if (!res.ok) {
      const said = imsxDescription(await res.text().catch(() => ''));
      if (res.status === 404) return fail('not-found', `There is no CASE package at this address (HTTP 404).${said} Check the document identifier.`);
      return fail('http-error', `${url.host} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.${said}`);
    }
    if (Number(res.headers.get('content-length')) > MAX_FILE_BYTES) return fail('too-large', `The package is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; Progressions does not import packages that large.`);
    const text = await res.text();
    if (text.length > MAX_FILE_BYTES) return fail('too-large', `The package is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; Progressions does not import packages that large.`);
    if (/\S/.exec(text)?.[0] !== '{') return fail('not-json', `${url.host} did not answer with a CASE package (JSON). Check that the address is the CASE API address (…/ims/case/v1p1/CFPackages/<document id>).`);
    return ok({ text, name: fileName(text, target.value.documentId) });
  } catch (e) {
    if (timedOut) return fail('timeout', `${url.host} did not send the package within ${TIMEOUT_MS / 1000} seconds. Try again later.`);
    return fail('offline', `Could not reach ${url.host} — check the address or your internet connection (${(e as Error).message}).`);
  } finally {
    win.clearTimeout(timer);
  }
}
