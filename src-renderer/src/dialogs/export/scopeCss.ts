/**
 * Scopes a style sheet to `scope`: every selector is prefixed, `html`/`body` become the scope
 * itself, `@media` blocks are scoped recursively, other at-rules (`@page`) are kept as they are.
 */
export function scopeCss(css: string, scope: string): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) break;
    const prelude = css.slice(i, open).trim();
    let depth = 1;
    let j = open + 1;
    while (j < css.length && depth) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}') depth--;
      j++;
    }
    const body = css.slice(open + 1, j - 1);
    if (prelude.startsWith('@media')) out += `${prelude} {\n${scopeCss(body, scope)}}\n`;
    else if (prelude.startsWith('@')) out += `${prelude} {${body}}\n`;
    else {
      const sel = prelude
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => {
          if (s === 'html' || s === 'body' || s === ':root') return scope;
          if (/^body[.#:[]/.test(s)) return `${scope}${s.slice(4)}`;
          if (s.startsWith('body ')) return `${scope} ${s.slice(5)}`;
          if (s === '*') return `${scope}, ${scope} *`;
          return `${scope} ${s}`;
        })
        .join(', ');
      out += `${sel} {${body}}\n`;
    }
    i = j;
  }
  return out;
}
