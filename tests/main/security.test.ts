import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, isTrustedFrame } from '../../src-main/electron/security';

describe('isSafeExternalUrl: only parsed http(s) links reach shell.openExternal', () => {
  it.each([
    'https://www.corestandards.org/Math/Content/3/NF/',
    'http://example.org',
    'https://example.org:8443/path?q=1#frag',
    'HTTPS://EXAMPLE.ORG/',
    'https://xn--bcher-kva.example/',
    'https://case.georgiastandards.org/ims/case/v1p0/CFDocuments/abc',
  ])('allows %s', (url) => expect(isSafeExternalUrl(url)).toBe(true));

  it.each([
    ['file URL', 'file:///etc/passwd'],
    ['Windows file URL', 'file:///C:/Windows/System32/calc.exe'],
    ['UNC share via file', 'file://attacker/share/x.exe'],
    ['javascript', 'javascript:alert(1)'],
    ['JavaScript with case and spaces', ' JaVaScRiPt:alert(1)'],
    ['data URL', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['smb', 'smb://attacker/share'],
    ['ms-msdt (Follina)', 'ms-msdt:/id PCWDiagnostic'],
    ['search-ms', 'search-ms:query=x'],
    ['custom app protocol', 'slack://open'],
    ['mailto', 'mailto:someone@example.org'],
    ['ftp', 'ftp://example.org/file'],
    ['relative path', '/relative/path'],
    ['bare host', 'example.org'],
    ['protocol-relative', '//example.org'],
    ['no host', 'https://'],
    ['single slash', 'https:/example.org'],
    ['backslashes', 'https:\\\\example.org'],
    ['credentials', 'https://user:pass@example.org/'],
    ['username only', 'https://user@example.org/'],
    ['newline inside', 'https://example.org/\nfile:///etc/passwd'],
    ['tab inside', 'https://exa\tmple.org/'],
    ['NUL', 'https://example.org/\u0000'],
    ['trailing space', 'https://example.org/ '],
    ['empty', ''],
    ['very long', `https://example.org/${'a'.repeat(3000)}`],
  ])('refuses a %s', (_what, url) => expect(isSafeExternalUrl(url)).toBe(false));

  it.each([[undefined], [null], [42], [{ href: 'https://example.org' }], [['https://example.org']]])('refuses non-strings: %j', (v) =>
    expect(isSafeExternalUrl(v)).toBe(false),
  );
});

describe('isTrustedFrame: IPC only from our own page', () => {
  const app = { indexUrl: 'file:///opt/Progressions/resources/app.asar/out/renderer/index.html' };
  const dev = { ...app, devServerUrl: 'http://localhost:5173/' };
  it.each([
    [app, { url: app.indexUrl, parent: null }, true],
    [app, { url: `${app.indexUrl}?open=examples%2Ffractions.json#x`, parent: null }, true],
    [app, { url: app.indexUrl, parent: {} }, false],
    [app, { url: 'file:///opt/Progressions/resources/app.asar/out/renderer/other.html', parent: null }, false],
    [app, { url: 'file:///tmp/index.html', parent: null }, false],
    [app, { url: 'file://host/opt/Progressions/resources/app.asar/out/renderer/index.html', parent: null }, false],
    [app, { url: 'http://localhost:5173/', parent: null }, false],
    [app, { url: 'about:blank', parent: null }, false],
    [app, { url: 'not a url', parent: null }, false],
    [dev, { url: 'http://localhost:5173/index.html', parent: null }, true],
    [dev, { url: 'http://localhost:5174/', parent: null }, false],
    [dev, { url: 'http://127.0.0.1:5173/', parent: null }, false],
    [dev, { url: 'https://evil.example/', parent: null }, false],
  ])('%j / %j → %s', (location, frame, expected) => expect(isTrustedFrame(frame, location)).toBe(expected));

  it('on Windows, compares the page path as Windows does (drive letter case, percent-encoding)', () => {
    const win = { indexUrl: 'file:///C:/Program%20Files/Progressions/resources/app.asar/out/renderer/index.html' };
    expect(isTrustedFrame({ url: 'file:///c:/Program Files/Progressions/resources/app.asar/out/renderer/index.html', parent: null }, win)).toBe(true);
    expect(isTrustedFrame({ url: 'file:///D:/Program%20Files/Progressions/resources/app.asar/out/renderer/index.html', parent: null }, win)).toBe(false);
    expect(isTrustedFrame({ url: 'file:///C:/Program%20Files/Progressions/resources/app.asar/out/renderer/index%2Ehtml%00', parent: null }, win)).toBe(false);
  });

  it('refuses a missing frame (it navigated or was destroyed)', () => {
    expect(isTrustedFrame(null, app)).toBe(false);
    expect(isTrustedFrame(undefined, app)).toBe(false);
  });
});
