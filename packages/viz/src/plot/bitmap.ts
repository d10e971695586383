/**
 * A bitmap to paint images into before PNG encoding: bytes row after row, 1 channel (grey) or 3
 * (RGB), as `fast-png`'s `encode` takes them.
 */
import type { ColourScale } from './colour-scale.js';
import type { ImageStack } from './image-stack.js';

/** Pixels, `channels` bytes each, row-major. */
export interface Bitmap {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly data: Uint8Array;
}

/** A white bitmap. */
export function whiteBitmap(width: number, height: number, channels: 1 | 3): Bitmap {
  return { width, height, channels, data: new Uint8Array(width * height * channels).fill(255) };
}

/**
 * Paints image `image` of `stack` into `bitmap` with its top-left corner at (`left`, `top`), each
 * value a `pixelSize` × `pixelSize` square in the colour `scale` gives it.
 */
export function paintImage(bitmap: Bitmap, stack: ImageStack, image: number, scale: ColourScale, left: number, top: number, pixelSize: number): void {
  const { height, width, values } = stack;
  const { channels, data } = bitmap;
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < width; column++) {
      const colour = scale.colour(values[(image * height + row) * width + column]);
      for (let dy = 0; dy < pixelSize; dy++) {
        const start = ((top + row * pixelSize + dy) * bitmap.width + left + column * pixelSize) * channels;
        for (let dx = 0; dx < pixelSize; dx++) data.set(colour, start + dx * channels);
      }
    }
  }
}
