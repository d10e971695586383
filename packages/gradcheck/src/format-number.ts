/**
 * How reports print numbers: enough significant digits to see where an analytic and a
 * numerical value part ways, without JavaScript's 17-digit noise.
 * @module
 */

/** `0.5`, `-1.23457`, `3.2e-9`: six significant digits, scientific for tiny or huge magnitudes. */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude < 1e-4 || magnitude >= 1e6) return trimExponential(value.toExponential(3));
  return String(Number(value.toPrecision(6)));
}

function trimExponential(text: string): string {
  // `2.500e-7` → `2.5e-7`: trailing zeros of the mantissa carry no information.
  return text.replace(/\.?0+e/, 'e');
}
