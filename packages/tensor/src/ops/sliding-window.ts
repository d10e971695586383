/**
 * The arguments conv2d, im2col/col2im and maxPool2d share: kernel, stride and padding given as a
 * number or an `[h, w]` pair, validated with errors that name the op and the argument, and turned
 * into the kernels' `WindowGeometry`. Also the fast-check sampler of valid window layouts their
 * property tests draw from.
 * @module
 */
import type { FastCheckModule } from '../op.js';
import { formatShape, type Shape } from '../shape.js';
import { slidingExtent, type WindowGeometry } from '../kernels/window-geometry.js';

/** An `[h, w]` pair of window extents, steps or paddings. */
export type Pair = readonly [number, number];

/** The window of a convolution or pooling, already validated; JSON-friendly, as op attrs are. */
export interface WindowAttrs {
  readonly kernel: Pair;
  readonly stride: Pair;
  readonly padding: Pair;
}

/**
 * `value` as an `[h, w]` pair of integers ≥ `min`; a single number stands for both. `what` names
 * the argument in the error (stride, padding, kernel).
 */
export function toPair(op: string, what: string, value: number | readonly number[], min: number): Pair {
  const pair = typeof value === 'number' ? [value, value] : value;
  const valid = Array.isArray(pair) && pair.length === 2 && pair.every((v) => Number.isInteger(v) && v >= min);
  if (!valid) {
    const kind = min > 0 ? 'a positive integer' : 'a non-negative integer';
    throw new Error(`${op}: ${what} must be ${kind} or an [h, w] pair of them, got ${JSON.stringify(value)}`);
  }
  return [pair[0], pair[1]];
}

/**
 * The geometry of `window` sliding over images of `channels × height × width`. A kernel larger than
 * the padded image is an error (PyTorch's too): `described` names the tensor in it.
 */
export function windowGeometry(op: string, channels: number, height: number, width: number, window: WindowAttrs, described: string): WindowGeometry {
  const [kernelH, kernelW] = window.kernel;
  const [strideH, strideW] = window.stride;
  const [padH, padW] = window.padding;
  const paddedH = height + 2 * padH;
  const paddedW = width + 2 * padW;
  if (kernelH > paddedH || kernelW > paddedW) {
    const input = padH === 0 && padW === 0
      ? `input ${height}×${width}`
      : `padded input ${paddedH}×${paddedW} (${height}×${width} plus padding [${padH},${padW}] on each side)`;
    throw new Error(
      `${op}: kernel ${kernelH}×${kernelW} is larger than the ${input} of ${described}; ` +
        `use a smaller kernel${op === 'maxPool2d' ? '' : ' or more padding'}, or a larger input`,
    );
  }
  return {
    channels, height, width, kernelH, kernelW, strideH, strideW, padH, padW,
    outH: slidingExtent(height, kernelH, strideH, padH),
    outW: slidingExtent(width, kernelW, strideW, padW),
  };
}

/** `[N, C, H, W]` of a 4-D shape, or an error naming the op, the role and the expected layout. */
export function imageDims(op: string, described: string, shape: Shape, layout = '[N,C,H,W]'): [number, number, number, number] {
  if (shape.length !== 4) {
    throw new Error(`${op}: ${described} must be 4-D ${layout}, got ${shape.length}-D ${formatShape(shape)}`);
  }
  return [shape[0], shape[1], shape[2], shape[3]];
}

/** A batch of images and a window that fits them: what conv2d, im2col, col2im and maxPool2d sample. */
export interface WindowSample {
  readonly batch: number;
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly window: WindowAttrs;
}

/**
 * Small random window layouts: kernels 1–3, strides 1–3, padding 0–2 (none when `padded` is
 * false), and image extents from the smallest that fits (the kernel exactly as big as the padded
 * input) to two more. Sizes stay small so that numerical gradients stay fast.
 */
export function windowSampleArb(fc: FastCheckModule, { padded = true, maxChannels = 2 } = {}) {
  const extent = (max: number) => fc.integer({ min: 1, max });
  const pair = (min: number, max: number) => fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }));
  return fc
    .record({
      batch: extent(2),
      channels: extent(maxChannels),
      kernel: pair(1, 3),
      stride: pair(1, 3),
      padding: padded ? pair(0, 2) : fc.constant<[number, number]>([0, 0]),
      extraH: fc.integer({ min: 0, max: 2 }),
      extraW: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ batch, channels, kernel, stride, padding, extraH, extraW }): WindowSample => ({
      batch,
      channels,
      height: Math.max(1, kernel[0] - 2 * padding[0]) + extraH,
      width: Math.max(1, kernel[1] - 2 * padding[1]) + extraW,
      window: { kernel, stride, padding },
    }));
}
