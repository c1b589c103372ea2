/**
 * Shortens text to at most `max` characters (code points, so no character is split), the ellipsis
 * included: white space runs become one space, and a cut ends at a word boundary when one lies in the
 * second half, without trailing punctuation, then `…`. Used where a field has a length limit (an LMS's
 * short name) and where a message names a record by its text.
 */
export function shorten(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const chars = Array.from(flat.slice(0, 2 * max));
  if (chars.length <= max && flat.length <= 2 * max) return flat;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > (max - 1) / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}
