import { expect } from 'vitest';
import type { NestedArray } from '@tapegrad/tensor';

/** Asserts two nested arrays of floats agree to `digits` decimals, element by element. */
export function expectAllClose(actual: NestedArray, expected: NestedArray, digits = 10): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    const rows = actual as NestedArray[];
    expect(rows).toHaveLength(expected.length);
    expected.forEach((e, i) => expectAllClose(rows[i], e, digits));
  } else {
    expect(actual).toBeCloseTo(expected, digits);
  }
}
