/**
 * 2-D max-pooling over `[planes, H, W]`: each output is the largest entry of its window, and
 * `argmax` records where it sat (flat within its plane, `h·W + w`) so the gradient can be routed
 * there. Ties go to the first maximum in row-major window order, as in PyTorch; a NaN wins over
 * numbers, so it propagates.
 * @module
 */
import type { TypedArray } from '../dtype.js';
import type { WindowGeometry } from './window-geometry.js';

/** Writes the window maxima of `planes` planes of `x` into `out` and their positions into `argmax`. */
export function maxPool2dKernel(x: TypedArray, planes: number, g: WindowGeometry, out: TypedArray, argmax: Int32Array): void {
  const { height, width, kernelH, kernelW, strideH, strideW, outH, outW } = g;
  let o = 0;
  for (let p = 0; p < planes; p++) {
    const planeStart = p * height * width;
    for (let oh = 0; oh < outH; oh++) {
      for (let ow = 0; ow < outW; ow++) {
        const top = oh * strideH;
        const left = ow * strideW;
        let best = x[planeStart + top * width + left];
        let at = top * width + left;
        for (let i = 0; i < kernelH; i++) {
          const rowStart = (top + i) * width + left;
          for (let j = 0; j < kernelW; j++) {
            const v = x[planeStart + rowStart + j];
            // Strictly greater keeps the first maximum; the NaN test lets the first NaN win.
            if (v > best || (v !== v && best === best)) {
              best = v;
              at = rowStart + j;
            }
          }
        }
        out[o] = best;
        argmax[o] = at;
        o++;
      }
    }
  }
}
