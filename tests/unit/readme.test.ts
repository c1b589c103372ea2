import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFrameworkText } from '../../src-core/format/frameworkFile';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('README', () => {
  it("the file-format section's complete example is a valid framework file", () => {
    const section = readme.slice(readme.indexOf('## File format'));
    const block = /```json\n([\s\S]*?)\n```/.exec(section);
    expect(block, 'a ```json block in the File format section').not.toBeNull();
    const r = loadFrameworkText(block![1]!);
    expect(r.ok ? 'valid' : r.error.message).toBe('valid');
  });
  it('names the set-up, run and test commands', () => {
    for (const cmd of ['npm install', 'npm start', 'npm run web', 'npm test']) expect(readme).toContain(cmd);
  });
});
