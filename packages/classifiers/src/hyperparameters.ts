/**
 * Checks of constructor and `fit` options, each failing with `Class.method`, the option's name,
 * the value and what is accepted.
 * @module
 */

/** Throws unless `value` is an integer ≥ 1 (a k, a batch size, an epoch count). */
export function checkPositiveInteger(where: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(`${where}: ${name} must be an integer ≥ 1, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is a finite number ≥ 0 (a regularisation strength, a momentum). */
export function checkNonNegative(where: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`${where}: ${name} must be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is a finite number > 0 (a learning rate, a weight scale). */
export function checkPositive(where: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`${where}: ${name} must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is an integer (a seed). */
export function checkInteger(where: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new Error(`${where}: ${name} must be an integer, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is one of `choices`, listing them. */
export function checkChoice<T extends string>(where: string, name: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    const got = typeof value === 'string' ? `'${value}'` : String(value);
    throw new Error(`${where}: unknown ${name} ${got}; use one of ${choices.map((c) => `'${c}'`).join(', ')}`);
  }
  return value as T;
}
