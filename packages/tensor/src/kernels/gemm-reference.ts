/**
 * The plain TypeScript GEMM `C = op(A) · op(B)`: the reference the WebAssembly kernels are tested
 * against, and the kernel for int32, for small products, and wherever WebAssembly SIMD is
 * missing. Loop orders keep the innermost loop running along contiguous memory.
 * @module
 */
import type { TypedArray } from '../dtype.js';
import type { GemmOperand } from './gemm.js';

/**
 * Writes `op(A)·op(B)` (`m×k` times `k×n`) into `out[outOffset …]` as an `m×n` row-major block,
 * overwriting what was there. float32 products are summed in float64 and rounded once.
 */
export function gemmReference(a: GemmOperand, b: GemmOperand, out: TypedArray, outOffset: number, m: number, n: number, k: number): void {
  const A = a.data;
  const B = b.data;
  const ao = a.offset;
  const bo = b.offset;
  if (!a.transposed && !b.transposed) {
    // C[i,:] += A[i,p] · B[p,:], summed in a float64 row so float32 products lose no precision
    // before the one rounding on store.
    const row = new Float64Array(n);
    for (let i = 0; i < m; i++) {
      row.fill(0);
      for (let p = 0; p < k; p++) {
        const aip = A[ao + i * k + p];
        const bRow = bo + p * n;
        for (let j = 0; j < n; j++) row[j] += aip * B[bRow + j];
      }
      out.set(row, outOffset + i * n);
    }
  } else if (!a.transposed && b.transposed) {
    // C[i,j] = A[i,:] · B[j,:]: two contiguous rows.
    for (let i = 0; i < m; i++) {
      const aRow = ao + i * k;
      for (let j = 0; j < n; j++) {
        const bRow = bo + j * k;
        let total = 0;
        for (let p = 0; p < k; p++) total += A[aRow + p] * B[bRow + p];
        out[outOffset + i * n + j] = total;
      }
    }
  } else if (a.transposed && !b.transposed) {
    // A is stored [k, m]: C[i,:] += A[p,i] · B[p,:], summed in float64 as above.
    const acc = new Float64Array(m * n);
    for (let p = 0; p < k; p++) {
      const aRow = ao + p * m;
      const bRow = bo + p * n;
      for (let i = 0; i < m; i++) {
        const api = A[aRow + i];
        const base = i * n;
        for (let j = 0; j < n; j++) acc[base + j] += api * B[bRow + j];
      }
    }
    out.set(acc, outOffset);
  } else {
    // Both stored transposed: C[i,j] = Σ_p A[p,i] · B[j,p]
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let total = 0;
        for (let p = 0; p < k; p++) total += A[ao + p * m + i] * B[bo + j * k + p];
        out[outOffset + i * n + j] = total;
      }
    }
  }
}
