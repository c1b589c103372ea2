import { describe, expect, it } from 'vitest';
import { noticeDuration } from '../../src-renderer/src/app/Notices';

describe('notices stay long enough to read', () => {
  it('a one-line tip stays at least 4 s, a long hint long enough to read at 15 characters a second, an error at least 9 s', () => {
    expect(noticeDuration({ kind: 'info', message: 'Saved.' })).toBe(4000);
    const tip = 'Select two competencies (the prerequisite first, then Shift+click the next) and press K to link them.';
    expect(noticeDuration({ kind: 'info', message: tip })).toBeGreaterThanOrEqual((tip.length / 15) * 1000 - 1);
    expect(noticeDuration({ kind: 'info', message: tip })).toBeGreaterThan(2600); // what it was: gone before half of it was read
    expect(noticeDuration({ kind: 'error', message: 'This framework is adopted and locked. Unlock to edit.' })).toBe(9000);
  });
});
