import { describe, expect, it } from 'vitest';
import { resultText } from '../../src-renderer/src/canvas/search/findCompetencies';

// A search hit shows the text it was found by: "fraction" finds D1.07.2 through its "I can", so the
// result shows that, not the statement "Compare place value to 1,000." (which looks like a wrong hit).
describe('the text of a search result', () => {
  const c = { code: 'D1.07.2', statement: 'Compare place value to 1,000.', iCan: 'I can represent fractions on a number line.', notes: 'Use base-ten blocks.' };
  it('is the statement when the words are in it (or in the code)', () => {
    expect(resultText(c, 'place value')).toBe(c.statement);
    expect(resultText(c, 'D1.07')).toBe(c.statement);
  });
  it('is the "I can" or the notes when the words were found there', () => {
    expect(resultText(c, 'fraction')).toBe(c.iCan);
    expect(resultText(c, 'blocks')).toBe(c.notes);
  });
  it('falls back to the "I can" when there is no statement', () => {
    expect(resultText({ ...c, statement: '' }, 'D1')).toBe(c.iCan);
  });
});
