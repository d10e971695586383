/** The two float dtypes the benchmarks run in, and the typed arrays that carry them. */
export type BenchDtype = 'float32' | 'float64';
export type FloatArray = Float32Array | Float64Array;

/** A copy of `values` in `dtype`'s typed array (inputs are float32-exact, so nothing is lost). */
export function toDtype(values: ArrayLike<number>, dtype: BenchDtype): FloatArray {
  return dtype === 'float32' ? Float32Array.from(values) : Float64Array.from(values);
}
