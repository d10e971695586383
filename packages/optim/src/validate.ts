/**
 * Hyperparameter checks shared by the optimizers and schedulers. Every message has one shape —
 * `Adam: betas[1] = 1 must be in [0, 1)` — naming who complains, the field, the value and what
 * is allowed, as PyTorch's `Invalid beta parameter at index 1: 1.0` does but with the remedy.
 * @module
 */

/** How a value is shown in an error: arrays and strings as written in code. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  return String(value);
}

/** Throws `owner: field = value must be allowed`. */
export function rejectValue(owner: string, field: string, value: unknown, allowed: string): never {
  throw new Error(`${owner}: ${field} = ${formatValue(value)} must be ${allowed}`);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

/** A finite number ≥ 0 (learning rates, momentum, weight decay …). */
export function checkNonNegative(owner: string, field: string, value: unknown): void {
  if (!isNumber(value) || !Number.isFinite(value) || value < 0) rejectValue(owner, field, value, 'a finite number ≥ 0');
}

/** A finite number > 0 (eps, whose only job is to keep a division away from zero). */
export function checkPositive(owner: string, field: string, value: unknown): void {
  if (!isNumber(value) || !Number.isFinite(value) || value <= 0) rejectValue(owner, field, value, 'a finite number > 0');
}

/** Any finite number. */
export function checkFinite(owner: string, field: string, value: unknown): void {
  if (!isNumber(value) || !Number.isFinite(value)) rejectValue(owner, field, value, 'a finite number');
}

/** A decay rate in [0, 1): 1 would freeze an average at its initial value forever. */
export function checkDecayRate(owner: string, field: string, value: unknown): void {
  if (!isNumber(value) || value < 0 || value >= 1) rejectValue(owner, field, value, 'in [0, 1)');
}

/** `true` or `false`. */
export function checkBoolean(owner: string, field: string, value: unknown): void {
  if (typeof value !== 'boolean') rejectValue(owner, field, value, 'true or false');
}

/** A whole number ≥ 1 (step counts of schedulers). */
export function checkPositiveInteger(owner: string, field: string, value: unknown): void {
  if (!Number.isInteger(value) || (value as number) < 1) rejectValue(owner, field, value, 'a whole number ≥ 1');
}
