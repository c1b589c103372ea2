import { describe, expect, it, vi } from 'vitest';
import { fetchCaseSameOrigin } from '../../src-renderer/src/host/fetchCaseSameOrigin';

const ORIGIN = 'http://127.0.0.1:4178';
const ID = '7c1e2a90-3b4d-4e5f-8a6b-1c2d3e4f5a60';

/** A page on ORIGIN whose fetch answers with `answer` (and records what it was asked). */
function page(answer: () => Promise<Response>) {
  const fetch = vi.fn((_url: string, _init?: RequestInit) => answer());
  const win = { location: { origin: ORIGIN }, fetch, setTimeout, clearTimeout } as unknown as Window;
  return { win, fetch };
}

describe('fetchCaseSameOrigin (browser build: import from a CASE server)', () => {
  it('downloads a package from the page’s own origin (a CFDocuments address becomes CFPackages), named by its title', async () => {
    const { win, fetch } = page(async () => new Response('{"CFDocument": {"title": "Ocean Science"}, "CFItems": []}', { status: 200 }));
    const r = await fetchCaseSameOrigin(`${ORIGIN}/ims/case/v1p1/CFDocuments/${ID}`, win);
    expect(r).toMatchObject({ ok: true, value: { name: 'Ocean Science.json' } });
    expect(fetch.mock.calls[0]![0]).toBe(`${ORIGIN}/ims/case/v1p1/CFPackages/${ID}`);
    expect(new Headers(fetch.mock.calls[0]![1]!.headers).get('accept')).toBe('application/json');
  });

  it('another server: explains the desktop app or a downloaded file, without making a request', async () => {
    const { win, fetch } = page(async () => new Response('{}'));
    const r = await fetchCaseSameOrigin(`https://case.example.org/ims/case/v1p1/CFPackages/${ID}`, win);
    expect(r.ok || r.error).toMatchObject({ code: 'needs-desktop', message: expect.stringContaining('importing straight from a CASE server needs the desktop app') });
    expect(r.ok || r.error.message).toContain('save the package (JSON), and import the file');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses credentials and non-CASE addresses; reports 404 with the server’s imsx_description, and a web page as not JSON', async () => {
    const creds = page(async () => new Response('{}'));
    expect((await fetchCaseSameOrigin(`http://u:p@127.0.0.1:4178/ims/case/v1p1/CFPackages/${ID}`, creds.win)).ok).toBe(false);
    expect((await fetchCaseSameOrigin('javascript:alert(1)', creds.win)).ok).toBe(false);
    expect(creds.fetch).not.toHaveBeenCalled();

    const missing = page(async () => new Response(JSON.stringify({ imsx_codeMajor: 'failure', imsx_description: 'Unknown document' }), { status: 404 }));
    const r404 = await fetchCaseSameOrigin(`${ORIGIN}/ims/case/v1p0/CFPackages/nope`, missing.win);
    expect(r404.ok || r404.error.message).toBe('There is no CASE package at this address (HTTP 404). The server said: “Unknown document” Check the document identifier.');

    const html = page(async () => new Response('<!doctype html><p>index</p>', { status: 200 }));
    expect(await fetchCaseSameOrigin(`${ORIGIN}/ims/case/v1p0/CFPackages/${ID}`, html.win)).toMatchObject({ ok: false, error: { code: 'not-json' } });
  });
});
