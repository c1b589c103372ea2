import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BannerProblems } from '../../src-renderer/src/app/BannerProblems';

// A teacher's CSV with one bad date: the button under the one problem read "Copy all 1 problems".
describe('the copy button under a problem list', () => {
  it('copies "the problem" when there is one, "all N problems" when there are more', () => {
    const one = renderToString(createElement(BannerProblems, { problems: [{ text: 'row 3, column "date": "2026-02-30" is not a real date', path: 'D3' }] }));
    expect(one).toContain('>Copy the problem</button>');
    expect(one).not.toContain('Copy all');
    const two = renderToString(createElement(BannerProblems, { problems: [{ text: 'a', path: 'A1' }, { text: 'b', path: 'B2' }] }));
    expect(two).toMatch(/>Copy all 2 problems<\/button>/);
  });
});
