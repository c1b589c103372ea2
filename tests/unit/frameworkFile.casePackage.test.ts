import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';

describe('opening a CASE package as a framework file', () => {
  it('says it is a CASE package and how to import it, instead of "no format property"', () => {
    for (const pkg of [{ CFDocument: { identifier: 'x', title: 'T' }, CFItems: [] }, { CFPackage: { CFDocument: { identifier: 'x' } } }]) {
      const r = loadFrameworkText(JSON.stringify(pkg));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('not-framework');
      expect(r.error.message).toContain('This is a CASE package');
      expect(r.error.message).toContain('Import');
    }
  });

  it('keeps the plain message for other JSON without a format', () => {
    const r = loadFrameworkText('{"title": "x"}');
    expect(!r.ok && r.error.message).toContain('no "format" property');
  });
});
