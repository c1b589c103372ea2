import { describe, expect, it } from 'vitest';
import { casePackageUrl } from '../../../src-core/case/serverUrl';

describe('casePackageUrl', () => {
  const id = '255adad7-2854-47d7-9aa4-c5e1750eb8ca';
  it('accepts a package URL of either version', () => {
    expect(casePackageUrl(`https://case.smarterbalanced.org/ims/case/v1p0/CFPackages/${id}`)).toEqual({
      ok: true,
      value: { url: `https://case.smarterbalanced.org/ims/case/v1p0/CFPackages/${id}`, version: '1.0', documentId: id },
    });
    const r = casePackageUrl(`  https://host.example/sub/ims/case/v1p1/CFPackages/${id.toUpperCase()}/  `);
    expect(r.ok && r.value).toMatchObject({ version: '1.1', documentId: id, url: `https://host.example/sub/ims/case/v1p1/CFPackages/${id.toUpperCase()}` });
  });
  it('turns a document URL into its package URL, keeping a query', () => {
    const r = casePackageUrl(`https://host.example/ims/case/v1p1/CFDocuments/${id}?key=abc#top`);
    expect(r.ok && r.value.url).toBe(`https://host.example/ims/case/v1p1/CFPackages/${id}?key=abc`);
  });
  it('refuses what is not a CASE package address, saying what is expected', () => {
    for (const [input, code] of [
      ['case.example.org', 'bad-url'],
      ['ftp://host/ims/case/v1p1/CFPackages/x', 'bad-url'],
      ['https://host.example/frameworks/42', 'not-case-url'],
      [`https://host.example/ims/case/v1p1/CFItems/${id}`, 'not-case-url'],
    ] as const) {
      const r = casePackageUrl(input);
      expect(r.ok, input).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.message).toMatch(/CFPackages|http/);
      }
    }
  });
});
