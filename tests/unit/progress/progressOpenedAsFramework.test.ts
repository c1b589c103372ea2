import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../../src-core/format/frameworkFile';

const root = join(import.meta.dirname, '../../..');

describe('a learner progress file opened as a framework (a teacher double-clicks the wrong file)', () => {
  it('says it is progress and where it goes, not that its "format" is wrong', () => {
    const r = loadFrameworkText(readFileSync(join(root, 'tests/fixtures/progress/progress-v1.json'), 'utf8'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('not-framework');
    expect(r.error.message).toBe(
      'This is a learner progress file, not a framework file. Open the framework it belongs to, then load this file with Learners ▸ Import progress (or `progressions plan <framework> --progress <file>`).',
    );
    expect(r.error.path).toBe('/format');
  });
});
