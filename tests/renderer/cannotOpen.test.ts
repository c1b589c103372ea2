import { describe, expect, it } from 'vitest';
import { cannotOpen } from '../../src-renderer/src/app/useDocumentSync';

describe('the banner for a dropped file the page could not read', () => {
  it('names the file once when the host’s message starts with it (where, then what)', () => {
    expect(cannotOpen('plan.json', 'plan.json: line 1, column 14 ("Zo?"): this file is not UTF-8 text.')).toBe(
      'Cannot open plan.json: line 1, column 14 ("Zo?"): this file is not UTF-8 text.',
    );
  });
  it('keeps a message that names the file in its own words', () => {
    expect(cannotOpen('big.json', 'big.json is larger than 50 MB; Progressions does not open files that large.')).toBe(
      'Cannot open big.json. big.json is larger than 50 MB; Progressions does not open files that large.',
    );
  });
});
