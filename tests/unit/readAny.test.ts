import { describe, expect, it } from 'vitest';
import { readFrameworkAny } from '../../src-core/formats/readAny';
import { serializeFramework } from '../../src-core/format/frameworkFile';
import { createFramework } from '../../src-core/model/defaults';

describe('readFrameworkAny', () => {
  it('reads our own framework files', () => {
    const r = readFrameworkAny(serializeFramework(createFramework({ title: 'Mine' })));
    expect(r.ok && r.value.format).toBe('progressions');
  });
  it('says a CSV is a CSV and how to convert it', () => {
    const r = readFrameworkAny('code,statement\nFR.3.1,Understand unit fractions\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('csv-input');
      expect(r.error.message).toContain('progressions import');
    }
  });
  it('reports broken JSON with its line and column', () => {
    const r = readFrameworkAny('{\n  "format": "progressions.framework",\n  oops\n}');
    expect(!r.ok && r.error.message).toMatch(/line 3, column 3/);
  });
  it('refuses JSON of another kind', () => {
    const r = readFrameworkAny('[1, 2, 3]');
    expect(!r.ok && r.error.code).toBe('unsupported-format');
  });
});
