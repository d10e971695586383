/**
 * `im2col` and `col2im`, registered as each other's adjoint: im2col's gradient is col2im of the
 * upstream gradient and vice versa. conv2d's backward is written with them and matmul, so it is
 * itself differentiable (second-order gradients of a convolution need nothing more).
 * @module
 */
import { allocate } from '../dtype.js';
import { defineOp, type FastCheckModule, type Op } from '../op.js';
import { tensorArb } from '../sampling.js';
import { MAX_SIZE, resultSizeError } from '../shape.js';
import { col2imKernel, im2colKernel } from '../kernels/im2col.js';
import type { WindowGeometry } from '../kernels/window-geometry.js';
import { type WindowAttrs, type WindowSample, windowGeometry, windowSampleArb } from './sliding-window.js';

/** col2im also needs the image extent, which several `H` share after a strided window. */
export interface FoldAttrs extends WindowAttrs {
  readonly height: number;
  readonly width: number;
}

/** `[N, C, H, W]` → `[N, C·kh·kw, Ho·Wo]`: every window of the zero-padded image as a column. */
export const im2colOp: Op<WindowAttrs> = defineOp<WindowAttrs>({
  name: 'im2col',
  forward: ([x], window) => {
    const [batch, channels, height, width] = x.shape;
    const g = windowGeometry('im2col', channels, height, width, window, `x ${x.shape.join('×')}`);
    const [rows, plane] = columnsShape(g);
    if (batch * rows * plane > MAX_SIZE) throw resultSizeError('im2col', [batch, rows, plane]);
    const cols = allocate(x.dtype, batch * rows * plane);
    for (let n = 0; n < batch; n++) im2colKernel(x.buffer, n * channels * height * width, g, cols, n * rows * plane);
    return { buffer: cols, shape: [batch, rows, plane] };
  },
  backward: (g, [x], { attrs }) => [col2imOp.apply([g], { ...attrs, height: x.shape[2], width: x.shape[3] })],
  saves: { inputs: [] },
  sample: (fc) =>
    smallWindowArb(fc).chain(({ batch, channels, height, width, window }) =>
      tensorArb(fc, [batch, channels, height, width]).map((x) => ({ inputs: [x], attrs: window })),
    ),
});

/** `[N, C·kh·kw, Ho·Wo]` → `[N, C, H, W]`: each column added back onto its window; border entries dropped. */
export const col2imOp: Op<FoldAttrs> = defineOp<FoldAttrs>({
  name: 'col2im',
  forward: ([cols], attrs) => {
    const [batch, rows] = cols.shape;
    const channels = rows / (attrs.kernel[0] * attrs.kernel[1]);
    const g = windowGeometry('col2im', channels, attrs.height, attrs.width, attrs, `an image ${attrs.height}×${attrs.width}`);
    const imageSize = channels * attrs.height * attrs.width;
    if (batch * imageSize > MAX_SIZE) throw resultSizeError('col2im', [batch, channels, attrs.height, attrs.width]);
    const image = allocate(cols.dtype, batch * imageSize);
    const [, plane] = columnsShape(g);
    for (let n = 0; n < batch; n++) col2imKernel(cols.buffer, n * rows * plane, g, image, n * imageSize);
    return { buffer: image, shape: [batch, channels, attrs.height, attrs.width] };
  },
  backward: (g, _inputs, { attrs: { kernel, stride, padding } }) => [im2colOp.apply([g], { kernel, stride, padding })],
  saves: { inputs: [] },
  sample: (fc) =>
    smallWindowArb(fc).chain(({ batch, channels, height, width, window }) => {
      const [rows, plane] = columnsShape(windowGeometry('sample', channels, height, width, window, 'sample'));
      return tensorArb(fc, [batch, rows, plane]).map((cols) => ({ inputs: [cols], attrs: { ...window, height, width } }));
    }),
});

/** Rows (`C·kh·kw`) and columns (`Ho·Wo`) of one image's column matrix. */
export function columnsShape(g: WindowGeometry): [rows: number, plane: number] {
  return [g.channels * g.kernelH * g.kernelW, g.outH * g.outW];
}

/** Window layouts whose column matrices stay small enough for fast numerical gradients. */
export function smallWindowArb(fc: FastCheckModule) {
  return windowSampleArb(fc).filter((s: WindowSample) => {
    const [rows, plane] = columnsShape(windowGeometry('sample', s.channels, s.height, s.width, s.window, 'sample'));
    return s.batch * rows * plane <= 160;
  });
}
