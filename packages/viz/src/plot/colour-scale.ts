/**
 * From pixel values to colours. Grey for images (low black, high white); a diverging scale for
 * signed weights (negative blue, zero white, positive red), so a linear classifier's template
 * shows which pixels raise its class's score and which lower it.
 */
import type { ImageStack } from './image-stack.js';

/** What range of values spans the colour scale: per image, over all images, or fixed [lo, hi]. */
export type ImageScaling = 'each' | 'all' | readonly [number, number];

/** The colour scale: `'gray'` or `'diverging'`. */
export type ImageColours = 'gray' | 'diverging';

/** Colours of one image's values: 1 channel (grey) or 3 (RGB), bytes 0–255. */
export interface ColourScale {
  readonly channels: 1 | 3;
  colour(value: number): readonly number[];
}

const NEGATIVE = [33, 102, 172]; // ColorBrewer RdBu's darkest blue
const POSITIVE = [178, 24, 43]; // and its darkest red

/** The colour scale of each image of `stack` (by index) under `scaling` and `colours`. */
export function colourScales(stack: ImageStack, scaling: ImageScaling, colours: ImageColours): (image: number) => ColourScale {
  const pixels = stack.height * stack.width;
  const rangeOf = (from: number, to: number): [number, number] => {
    let [lo, hi] = [Infinity, -Infinity];
    for (let i = from; i < to; i++) {
      lo = Math.min(lo, stack.values[i]);
      hi = Math.max(hi, stack.values[i]);
    }
    return [lo, hi];
  };
  const shared = scaling === 'all' ? rangeOf(0, stack.count * pixels) : scaling === 'each' ? undefined : scaling;
  return (image) => {
    const [lo, hi] = shared ?? rangeOf(image * pixels, (image + 1) * pixels);
    return colours === 'gray' ? grayScale(lo, hi) : divergingScale(Math.max(Math.abs(lo), Math.abs(hi)));
  };
}

/**
 * lo black to hi white, min–max as the course rescales its templates to [0, 255]. A constant
 * image has no range of its own, so it is drawn on the range from 0 to its value: an all-1 image
 * is white and an all-0 one black (min–max alone would make every constant image black).
 */
function grayScale(lo: number, hi: number): ColourScale {
  if (hi === lo) [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
  const span = hi > lo ? hi - lo : 1;
  return { channels: 1, colour: (value) => [Math.round(255 * clamp01((value - lo) / span))] };
}

/** −limit blue, 0 white, +limit red: symmetric, so white always means zero; an all-zero image is white. */
function divergingScale(limit: number): ColourScale {
  const scale = limit > 0 ? limit : 1;
  return {
    channels: 3,
    colour: (value) => {
      const t = Math.max(-1, Math.min(1, value / scale));
      const end = t < 0 ? NEGATIVE : POSITIVE;
      return end.map((channel) => Math.round(255 + (channel - 255) * Math.abs(t)));
    },
  };
}

function clamp01(t: number): number {
  return Math.max(0, Math.min(1, t));
}
