import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCasePackage } from '../../src-main/services/caseFetch';

const DOC_ID = '7c1e2a90-3b4d-4e5f-8a6b-1c2d3e4f5a60';
const PACKAGE = readFileSync(join(__dirname, '../fixtures/case-server/ims/case/v1p0/CFPackages', DOC_ID), 'utf8');

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A CASE server on loopback only (ephemeral port); each path answers in its own way. */
const routes: Record<string, Route> = {
  [`/ims/case/v1p0/CFPackages/${DOC_ID}`]: (req, res) => {
    seen.push({ url: req.url ?? '', accept: req.headers.accept ?? '' });
    res.writeHead(200, { 'content-type': 'application/json' }).end(PACKAGE);
  },
  '/ims/case/v1p1/CFPackages/missing': (_req, res) =>
    res.writeHead(404, { 'content-type': 'application/json' }).end(
      JSON.stringify({ imsx_codeMajor: 'failure', imsx_severity: 'error', imsx_description: 'No CFDocument with identifier missing', imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'sourcedId', imsx_codeMinorFieldValue: 'unknownobject' }] } }),
    ),
  '/ims/case/v1p1/CFPackages/broken': (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'),
  '/ims/case/v1p1/CFPackages/private': (_req, res) =>
    res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ imsx_StatusInfo: { imsx_codeMajor: 'failure', imsx_description: 'Token required' } })),
  '/ims/case/v1p1/CFPackages/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>OpenSALT</title>'),
  '/ims/case/v1p1/CFPackages/cut': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"CFDocument": {"title": "Half'),
  '/ims/case/v1p1/CFPackages/big': (_req, res) => {
    // No content-length: the limit must hold while the body streams in.
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    res.write(`{"CFDocument": {"title": "${'x'.repeat(4000)}`);
    res.end(`${'y'.repeat(4000)}"}}`);
  },
  '/ims/case/v1p1/CFPackages/slow': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"CFDocument":');
    slow.push(res); // never finishes; closed in afterAll
  },
};
const seen: { url: string; accept: string }[] = [];
const slow: ServerResponse[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    (routes[path] ?? ((_q, r) => r.writeHead(404).end()))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const r of slow) r.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('fetchCasePackage (desktop import from a CASE server)', () => {
  it('downloads a package, asking for JSON, and names it by the document title', async () => {
    const r = await fetchCasePackage({ url: `${base}/ims/case/v1p0/CFPackages/${DOC_ID}` });
    expect(r).toEqual({ ok: true, value: { text: PACKAGE, name: 'Ocean Science (server sample).json' } });
    expect(seen.at(-1)).toEqual({ url: `/ims/case/v1p0/CFPackages/${DOC_ID}`, accept: 'application/json' });
  });

  it('turns a pasted CFDocuments address into the package address', async () => {
    const r = await fetchCasePackage({ url: `  ${base}/ims/case/v1p0/CFDocuments/${DOC_ID}/  ` });
    expect(r.ok).toBe(true);
    expect(seen.at(-1)!.url).toBe(`/ims/case/v1p0/CFPackages/${DOC_ID}`);
  });

  it('404: says there is no package there and quotes the imsx_description', async () => {
    const r = await fetchCasePackage({ url: `${base}/ims/case/v1p1/CFPackages/missing` });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('not-found');
    expect(r.error.message).toContain('HTTP 404 Not Found');
    expect(r.error.message).toContain('“No CFDocument with identifier missing”');
  });

  it('401: explains sign-in is not supported, with the wrapped imsx_StatusInfo description', async () => {
    const r = await fetchCasePackage({ url: `${base}/ims/case/v1p1/CFPackages/private` });
    expect(r.ok || r.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('“Token required”') });
    expect(r.ok || r.error.message).toMatch(/download the package in your web browser and import the file/);
  });

  it('500: a server problem, try again later', async () => {
    const r = await fetchCasePackage({ url: `${base}/ims/case/v1p1/CFPackages/broken` });
    expect(r.ok || r.error).toMatchObject({ code: 'server-error', message: expect.stringMatching(/HTTP 500 Internal Server Error.*Try again later/) });
  });

  it('a web page instead of JSON, and JSON cut off, are refused as not JSON', async () => {
    const page = await fetchCasePackage({ url: `${base}/ims/case/v1p1/CFPackages/page` });
    expect(page.ok || page.error).toMatchObject({ code: 'not-json', message: expect.stringContaining('web page') });
    const cut = await fetchCasePackage({ url: `${base}/ims/case/v1p1/CFPackages/cut` });
    expect(cut.ok || cut.error).toMatchObject({ code: 'not-json', message: expect.stringContaining('not valid JSON') });
  });

  it('stops downloading a package larger than the limit (no content-length)', async () => {
    const url = `${base}/ims/case/v1p1/CFPackages/big`;
    const r = await fetchCasePackage({ url }, { maxBytes: 5000 });
    expect(r.ok || r.error).toMatchObject({ code: 'too-large', message: expect.stringContaining('larger than 5 KB') });
    expect((await fetchCasePackage({ url }, { maxBytes: 9000 })).ok).toBe(true);
  });

  it('gives up on a server that stops sending, with a timeout message', async () => {
    const r = await fetchCasePackage({ url: `${base}/ims/case/v1p1/CFPackages/slow` }, { timeoutMs: 300 });
    expect(r.ok || r.error).toMatchObject({ code: 'timeout', message: expect.stringContaining('did not send the package within') });
  });

  it('connection refused on a closed port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await fetchCasePackage({ url: `http://127.0.0.1:${port}/ims/case/v1p1/CFPackages/${DOC_ID}` });
    expect(r.ok || r.error).toMatchObject({ code: 'connection-refused', message: `127.0.0.1:${port} refused the connection — check the address (and port), or whether the CASE server is running.` });
  });

  it('offline (the name does not resolve): says to check the address or the internet connection', async () => {
    // Injected fetch failing like undici does without a network; no real lookup is made.
    const offline = (() => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND case.example.org'), { code: 'ENOTFOUND' }) }))) as typeof fetch;
    const r = await fetchCasePackage({ url: `https://case.example.org/ims/case/v1p1/CFPackages/${DOC_ID}` }, { fetch: offline });
    expect(r.ok || r.error).toMatchObject({ code: 'offline', message: 'Could not reach case.example.org — check the address or your internet connection.' });
    // Electron's net.fetch (Chromium) reports the same failures as net::ERR_… messages.
    const chromium = (code: string) => (() => Promise.reject(new Error(`net::${code}`))) as typeof fetch;
    const url = `https://case.example.org/ims/case/v1p1/CFPackages/${DOC_ID}`;
    expect(await fetchCasePackage({ url }, { fetch: chromium('ERR_INTERNET_DISCONNECTED') })).toMatchObject({ error: { code: 'offline' } });
    expect(await fetchCasePackage({ url }, { fetch: chromium('ERR_NAME_NOT_RESOLVED') })).toMatchObject({ error: { code: 'offline' } });
    expect(await fetchCasePackage({ url }, { fetch: chromium('ERR_CONNECTION_REFUSED') })).toMatchObject({ error: { code: 'connection-refused' } });
    expect(await fetchCasePackage({ url }, { fetch: chromium('ERR_CERT_AUTHORITY_INVALID') })).toMatchObject({ error: { code: 'tls-failed', message: expect.stringContaining('certificate is not trusted') } });
  });

  it('refuses addresses that are not http(s) CASE package addresses, or carry credentials, without fetching', async () => {
    let calls = 0;
    const spy = (() => (calls++, Promise.reject(new Error('must not fetch')))) as typeof fetch;
    const bad: [unknown, RegExp][] = [
      [{ url: `file:///etc/ims/case/v1p1/CFPackages/${DOC_ID}` }, /Only http\(s\)/],
      [{ url: 'javascript:alert(1)//ims/case/v1p1/CFPackages/x' }, /Only http\(s\)/],
      [{ url: `https://user:secret@case.example.org/ims/case/v1p1/CFPackages/${DOC_ID}` }, /user name or password/],
      [{ url: 'https://case.example.org/some/page' }, /not a CASE package address/],
      [{ url: 'not a url' }, /not a web address/],
      [{ url: '' }, /Paste the address/],
      [{ url: 42 }, /Paste the address/],
      [null, /Paste the address/],
    ];
    for (const [req, message] of bad) {
      const r = await fetchCasePackage(req, { fetch: spy });
      expect(r.ok, JSON.stringify(req)).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect(calls).toBe(0);
  });
});
