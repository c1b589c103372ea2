/** A CSS string literal for an attribute selector. */
export function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}

/**
 * The highlight of a problem on the canvas as a style sheet: React Flow renders each competency in
 * `.react-flow__node[data-id=<id>]` and each link in `.react-flow__edge[data-id=<link id>]`, so the
 * problems panel outlines a cycle along its path without touching the canvas code. Pure (tested).
 */
export function highlightCss(competencies: readonly string[], links: readonly string[]): string {
  const rules: string[] = [];
  if (competencies.length) {
    const sel = competencies.map((id) => `.react-flow__node[data-id=${cssString(id)}] .cnode`).join(',\n');
    rules.push(`${sel} { outline: 3px solid var(--danger); outline-offset: 3px; box-shadow: 0 0 0 6px var(--danger-soft); }`);
  }
  if (links.length) {
    const sel = links.map((id) => `.react-flow__edge[data-id=${cssString(id)}] .react-flow__edge-path`).join(',\n');
    rules.push(`${sel} { stroke: var(--danger) !important; stroke-width: 3.5px !important; stroke-dasharray: 8 5; animation: prob-dash 0.8s linear infinite; }`);
    rules.push('@keyframes prob-dash { to { stroke-dashoffset: -26; } }');
  }
  return rules.join('\n');
}
