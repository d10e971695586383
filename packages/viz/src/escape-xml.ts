/**
 * Escaping text for XML, which every picture the package writes is: the plots' SVG, and the
 * HTML-like labels of the graph drawings (which Graphviz parses as XML and copies into its SVG).
 * @module
 */

/**
 * Characters XML 1.0 forbids anywhere, even escaped: the C0 controls but tab, line feed and
 * carriage return, and U+FFFE/U+FFFF. One of them in a name (a terminal colour code pasted
 * along) would make the whole picture unreadable, so it becomes U+FFFD, the replacement character.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** `text` with every character XML forbids replaced by U+FFFD, for text another tool escapes (Graphviz's plain labels). */
export function withoutNonXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/** `text` safe inside an element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return withoutNonXml(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
}
