/**
 * Checks of layer constructor arguments, each failing with the layer, the argument and the value.
 * @module
 */

/** Throws unless `value` is an integer ≥ 1 (a feature count, a kernel size). */
export function checkPositiveInteger(layer: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(`${layer}: ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is an integer ≥ 0 (a padding). */
export function checkNonNegativeInteger(layer: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new Error(`${layer}: ${name} must be an integer ≥ 0, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is a finite number (a slope, a momentum). */
export function checkFinite(layer: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${layer}: ${name} must be a finite number, got ${String(value)}`);
  return value;
}

/** Throws unless `value` is a finite number > 0 (an epsilon). */
export function checkPositive(layer: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new Error(`${layer}: ${name} must be a finite number > 0, got ${String(value)}`);
  return value;
}

/**
 * `value` as a `[height, width]` pair: one number is used for both, as PyTorch's `kernel_size=3`.
 * Each entry must pass `check`.
 */
export function pairOf(layer: string, name: string, value: unknown, check: (layer: string, name: string, value: unknown) => number): [number, number] {
  if (Array.isArray(value)) {
    if (value.length !== 2) throw new Error(`${layer}: ${name} must be a number or a [height, width] pair, got [${value.join(', ')}]`);
    return [check(layer, `${name}[0]`, value[0]), check(layer, `${name}[1]`, value[1])];
  }
  const single = check(layer, name, value);
  return [single, single];
}
