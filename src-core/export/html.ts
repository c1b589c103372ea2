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

export { shorten } from '../model/text';
