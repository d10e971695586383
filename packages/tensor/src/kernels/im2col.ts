/**
 * im2col and its adjoint col2im. im2col unfolds every window of a (zero-padded) image into one
 * column of a `[C·kh·kw, Ho·Wo]` matrix, so a convolution becomes one GEMM with the weights seen
 * as `[O, C·kh·kw]`; rows are ordered `(c, i, j)` as in PyTorch's `unfold`. col2im adds each
 * column back where it came from, which is exactly im2col's transpose (overlapping windows add).
 * @module
 */
import type { TypedArray } from '../dtype.js';
import type { WindowGeometry } from './window-geometry.js';

/**
 * The output positions `[start, end)` along one axis whose window tap at offset `tap` lands inside
 * the image (`o·stride − pad + tap ∈ [0, size)`); the others read the zero border. Computing the
 * range once keeps the bounds test out of the innermost loop.
 */
function insideRange(outExtent: number, stride: number, pad: number, tap: number, size: number): [start: number, end: number] {
  const start = Math.max(0, Math.ceil((pad - tap) / stride));
  const end = Math.min(outExtent, Math.floor((size - 1 + pad - tap) / stride) + 1);
  return [start, Math.max(start, end)];
}

/**
 * Visits every (row of the column matrix, output row) pair whose taps fall inside the image and
 * calls `copy(colsIndex, imageIndex, owStart, owEnd)`, where the image element for output column
 * `ow` is `imageIndex + ow·strideW` and the column entry is `colsIndex + ow`.
 */
function forEachInsideRun(
  g: WindowGeometry,
  run: (colsIndex: number, imageIndex: number, owStart: number, owEnd: number) => void,
): void {
  const plane = g.outH * g.outW;
  let row = 0;
  for (let c = 0; c < g.channels; c++) {
    for (let i = 0; i < g.kernelH; i++) {
      const [ohStart, ohEnd] = insideRange(g.outH, g.strideH, g.padH, i, g.height);
      for (let j = 0; j < g.kernelW; j++) {
        const [owStart, owEnd] = insideRange(g.outW, g.strideW, g.padW, j, g.width);
        if (owStart < owEnd) {
          for (let oh = ohStart; oh < ohEnd; oh++) {
            run(row + oh * g.outW, (c * g.height + oh * g.strideH - g.padH + i) * g.width - g.padW + j, owStart, owEnd);
          }
        }
        row += plane;
      }
    }
  }
}

/**
 * Writes the windows of the image at `x[xOffset …]` (`[C, H, W]`) into `cols[colsOffset …]`
 * (`[C·kh·kw, Ho·Wo]`). Entries that read the zero border are not written: `cols` must hold zeros
 * there, which a fresh array does and which stays true when one buffer is reused for every image
 * of a batch (the border is in the same place each time).
 */
export function im2colKernel(x: TypedArray, xOffset: number, g: WindowGeometry, cols: TypedArray, colsOffset: number): void {
  const strideW = g.strideW;
  forEachInsideRun(g, (colsIndex, imageIndex, owStart, owEnd) => {
    const target = colsOffset + colsIndex;
    const source = xOffset + imageIndex;
    for (let ow = owStart; ow < owEnd; ow++) cols[target + ow] = x[source + ow * strideW];
  });
}

/**
 * Adds the columns at `cols[colsOffset …]` (`[C·kh·kw, Ho·Wo]`) back into the image at
 * `x[xOffset …]` (`[C, H, W]`): the transpose of im2col. Border entries have no image element and
 * are dropped.
 */
export function col2imKernel(cols: TypedArray, colsOffset: number, g: WindowGeometry, x: TypedArray, xOffset: number): void {
  const strideW = g.strideW;
  forEachInsideRun(g, (colsIndex, imageIndex, owStart, owEnd) => {
    const source = colsOffset + colsIndex;
    const target = xOffset + imageIndex;
    for (let ow = owStart; ow < owEnd; ow++) x[target + ow * strideW] += cols[source + ow];
  });
}
