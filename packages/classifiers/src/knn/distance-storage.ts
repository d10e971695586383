/**
 * Storage for a distance matrix filled element by element.
 * @module
 */
import { type Dtype, promoteDtypes } from '@tapegrad/tensor';

/**
 * A zeroed typed array for `length` distances between rows of dtypes `a` and `b`: float32 only
 * when both are float32, as tensor ops would promote them.
 */
export function distanceStorage(a: Dtype, b: Dtype, length: number): Float32Array | Float64Array {
  return promoteDtypes(a, b) === 'float32' ? new Float32Array(length) : new Float64Array(length);
}
