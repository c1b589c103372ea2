import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casePackageUrl } from '../../src-core/case/serverUrl';
import { casePackagesDir, haveCasePackages, SKIP_MESSAGE } from './case/caseSchemas';

// OpenSALT (the most used CASE server) shows a framework's URI as https://<server>/uri/<document id>, and
// that is the `uri` its packages give their CFDocument. Pasted into Import ▸ CASE package, it was refused
// as "not a CASE package address"; it now downloads the package from the server's CASE API.

const ID = '20c5134f-423d-4097-a971-3dd5152bf507';

describe('an OpenSALT framework URI is a CASE package address', () => {
  it('https://<server>/uri/<id> → https://<server>/ims/case/v1p0/CFPackages/<id>', () => {
    expect(casePackageUrl(`https://opensalt.net/uri/${ID}`)).toEqual({
      ok: true,
      value: { url: `https://opensalt.net/ims/case/v1p0/CFPackages/${ID}`, version: '1.0', documentId: ID },
    });
  });

  it('accepts http, upper case, ".json", a trailing slash and a query', () => {
    const r = casePackageUrl(`  http://opensalt-staging.opened.com/uri/${ID.toUpperCase()}.json?x=1#top `);
    expect(r.ok && r.value).toEqual({ url: `http://opensalt-staging.opened.com/ims/case/v1p0/CFPackages/${ID}?x=1`, version: '1.0', documentId: ID });
    const s = casePackageUrl(`https://opensalt.net/uri/${ID}/`);
    expect(s.ok && s.value.url).toBe(`https://opensalt.net/ims/case/v1p0/CFPackages/${ID}`);
  });

  it('refuses a /uri/ address without a document identifier, naming the accepted forms', () => {
    for (const input of ['https://opensalt.net/uri/', 'https://opensalt.net/uri/math-grade-3', `https://opensalt.net/other/uri/${ID}`]) {
      const r = casePackageUrl(input);
      expect(r.ok, input).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('not-case-url');
        expect(r.error.message).toContain('https://<server>/uri/<document id>');
      }
    }
  });
});

describe.skipIf(!haveCasePackages)(`the uri of a real OpenSALT package (${SKIP_MESSAGE})`, () => {
  it('"What Standards Could Be": its CFDocument uri gives its own package address', () => {
    const pkg = JSON.parse(readFileSync(join(casePackagesDir, 'opensalt_what-standards-could-be_legacy-2017.json'), 'utf8'));
    const r = casePackageUrl(pkg.CFDocument.uri);
    expect(r.ok && r.value).toEqual({
      url: `http://opensalt-staging.opened.com/ims/case/v1p0/CFPackages/${pkg.CFDocument.identifier}`,
      version: '1.0',
      documentId: pkg.CFDocument.identifier,
    });
  });
});
