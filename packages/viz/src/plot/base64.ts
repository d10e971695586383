/**
 * Base64 of bytes, for PNG data URIs inside SVG. Written out because Node's `Buffer` is not in the
 * browser and `btoa` wants a string of char codes built first; this is the RFC 4648 alphabet.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `bytes` in base64 with `=` padding. */
export function base64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1] ?? 0, bytes[i + 2] ?? 0];
    const triple = (a << 16) | (b << 8) | c;
    out.push(
      ALPHABET[(triple >> 18) & 63],
      ALPHABET[(triple >> 12) & 63],
      i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63] : '=',
      i + 2 < bytes.length ? ALPHABET[triple & 63] : '=',
    );
  }
  return out.join('');
}
