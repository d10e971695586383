/**
 * How error messages across the package say what a wrong argument was, so every function words
 * it alike.
 * @module
 */

/** What a value is, for an error message: `a Tensor`, `an Array`, `the number 3`, `null`. */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value !== 'object') return `the ${typeof value} ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
  const name = (value as object).constructor?.name ?? 'Object';
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}
