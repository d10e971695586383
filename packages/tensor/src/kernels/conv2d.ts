/**
 * The conv2d forward: per image, im2col into one reused buffer, then one GEMM
 * `[O, C·kh·kw] · [C·kh·kw, Ho·Wo]` written straight into that image's `[O, Ho, Wo]` block of
 * the output, then the bias. No transpose or batch-sized column matrix is materialised.
 * @module
 */
import { allocate, dtypeOf, type TypedArray } from '../dtype.js';
import { gemm } from './gemm.js';
import { im2colKernel } from './im2col.js';
import type { WindowGeometry } from './window-geometry.js';

/**
 * Writes the cross-correlation of `batch` images `x` (`[N, C, H, W]`) with weights `w`
 * (`[O, C, kh, kw]`) plus `bias` (`[O]`, or null) into `out` (`[N, O, Ho, Wo]`).
 */
export function conv2dKernel(
  x: TypedArray, w: TypedArray, bias: TypedArray | null,
  batch: number, outChannels: number, g: WindowGeometry, out: TypedArray,
): void {
  const rows = g.channels * g.kernelH * g.kernelW;
  const plane = g.outH * g.outW;
  const imageSize = g.channels * g.height * g.width;
  const cols = allocate(dtypeOf(x), rows * plane);
  const weights = { data: w, offset: 0, transposed: false };
  const columns = { data: cols, offset: 0, transposed: false };
  for (let n = 0; n < batch; n++) {
    im2colKernel(x, n * imageSize, g, cols, 0);
    const outOffset = n * outChannels * plane;
    gemm(weights, columns, out, outOffset, outChannels, plane, rows);
    if (bias !== null) {
      for (let o = 0; o < outChannels; o++) {
        const start = outOffset + o * plane;
        const b = bias[o];
        for (let p = 0; p < plane; p++) out[start + p] += b;
      }
    }
  }
}
