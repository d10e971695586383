/**
 * An op's attributes as its node shows them, under its name: `axes=[1]`, `transB=true`.
 * @module
 */

/** Longest attribute text shown on an op node; longer ones (an index list) are cut with `…`. */
const MAX_ATTRS_LENGTH = 32;

/**
 * `axes=[1], keepdims=true`: the attributes that change what the op does. Unset flags
 * (`transB=false`) are left out, as the tape listing does.
 */
export function formatAttrs(attrs: unknown): string {
  if (attrs === undefined || attrs === null) return '';
  const parts =
    typeof attrs === 'object'
      ? Object.entries(attrs as Record<string, unknown>)
          .filter(([, value]) => value !== undefined && value !== null && value !== false)
          .map(([key, value]) => `${key}=${formatAttr(value)}`)
      : [String(attrs)];
  const text = parts.join(', ');
  return text.length > MAX_ATTRS_LENGTH ? `${text.slice(0, MAX_ATTRS_LENGTH - 1)}…` : text;
}

/** JSON, except that non-finite numbers print as numbers (`-Infinity`), not `null`. */
function formatAttr(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)).replace(/"(-?Infinity|NaN)"/g, '$1');
}
