/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]!);
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escaped text with its line breaks kept as `<br>`. */
export function escapeHtmlLines(s: string): string {
  return escapeHtml(s).replace(/\r\n|\r|\n/g, '<br>');
}

/**
 * Shortens text to at most `max` characters at a word boundary, ending in `…` when cut
 * (for LMS fields with length limits, such as Moodle's 100-character short name).
 */
export function shorten(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
