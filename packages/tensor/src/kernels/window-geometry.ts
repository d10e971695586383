/**
 * Where a window slides over the last two axes of an image: the image's extent, the window's,
 * its step, the zero border around the image, and the output extent that follows. Convolution
 * (through im2col) and max-pooling share it.
 * @module
 */

/** One image's sliding-window layout; all extents are in elements. */
export interface WindowGeometry {
  /** Channels (or, for pooling, independent planes) per image. */
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly kernelH: number;
  readonly kernelW: number;
  readonly strideH: number;
  readonly strideW: number;
  /** Zeros added before and after each row and column (0 for pooling). */
  readonly padH: number;
  readonly padW: number;
  /** `floor((height + 2·padH − kernelH) / strideH) + 1`, and likewise for the width. */
  readonly outH: number;
  readonly outW: number;
}

/** Number of window positions along one axis: `floor((size + 2·pad − kernel) / stride) + 1`. */
export function slidingExtent(size: number, kernel: number, stride: number, pad: number): number {
  return Math.floor((size + 2 * pad - kernel) / stride) + 1;
}
