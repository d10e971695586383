/**
 * Naming a value of the wrong type in an error message.
 * @module
 */
import { formatShape, Tensor } from '@tapegrad/tensor';

/**
 * What an error says it got: `null`, `an array`, `a Tensor [2,3]`, `a Map`, `an object`,
 * `number 3`, `string "F16"`.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Tensor) return `a Tensor ${formatShape(value.shape)}`;
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name;
    return name === undefined || name === 'Object' ? 'an object' : `a ${name}`;
  }
  return `${typeof value} ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
}
