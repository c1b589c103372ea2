import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useFolded } from '../../src-renderer/src/ui/useFolded';

// On a 2,500-competency map the panels' "Show all" buttons read "Show all 1700 competencies": counts in the
// thousands get their separator, as every other count in the panels has.
function Folded({ n }: { n: number }) {
  const { shown, more } = useFolded(Array.from({ length: n }, (_, i) => i), 300, ' competencies');
  return createElement('div', null, createElement('ul', null, shown.map((i) => createElement('li', { key: i }, i))), more);
}

describe('Show all counts', () => {
  it('writes thousands with a separator', () => {
    const html = renderToString(createElement(Folded, { n: 1700 })).replace(/<!-- -->/g, '');
    expect(html).toContain('Show all 1,700 competencies');
    expect(html.match(/<li>/g)).toHaveLength(300);
  });
  it('writes smaller counts as they are, and no button when nothing is folded', () => {
    expect(renderToString(createElement(Folded, { n: 400 })).replace(/<!-- -->/g, '')).toContain('Show all 400 competencies');
    expect(renderToString(createElement(Folded, { n: 300 }))).not.toContain('Show all');
  });
});
