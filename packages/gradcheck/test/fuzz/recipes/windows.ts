/**
 * Recipes for the sliding-window ops over NCHW images: `conv2d` (stride and padding as numbers or
 * pairs, with and without bias), `maxPool2d` (4-D or 3-D input), and the `im2col`/`col2im`
 * primitives, which have no public function and are called through their registry entries. The
 * image is a 4-D pool value when one exists (a window is then chosen to fit it), else a value
 * fitted to a small random geometry. Misuses: channels that differ, a kernel larger than the
 * (padded) input, an input of the wrong rank.
 */
import { conv2d, formatShape, getOp, maxPool2d, type RegisteredOp, sizeOf, type Tensor } from '@tapegrad/tensor';
import { type Builder, MAX_LEAF_SIZE, MAX_SIZE, type Value } from '../builder.js';
import { recipe, type Recipe } from '../recipe.js';

type Pair = [number, number];

interface Geometry {
  readonly image: readonly number[]; // [N, C, H, W]
  readonly kernel: Pair;
  readonly stride: Pair;
  readonly padding: Pair;
  /** Output extents [Ho, Wo]. */
  readonly out: Pair;
}

function outExtent(size: number, kernel: number, stride: number, padding: number): number {
  return Math.floor((size + 2 * padding - kernel) / stride) + 1;
}

/**
 * A window for `image` ([N,C,H,W]; made up when absent): kernels 1–3 no larger than the padded
 * input, strides 1–3, padding 0–2 when `padded`.
 */
function windowFor(b: Builder, padded: boolean, image?: readonly number[]): Geometry {
  const padding: Pair = padded ? [b.rng.int(0, 2), b.rng.int(0, 2)] : [0, 0];
  let shape = image;
  if (shape === undefined) {
    const kernel: Pair = [b.rng.int(1, 3), b.rng.int(1, 3)];
    // From the smallest image the kernel fits (exactly as big as the padded input) to two more.
    const extent = (axis: 0 | 1) => Math.max(1, kernel[axis] - 2 * padding[axis]) + b.rng.int(0, 2);
    shape = [b.rng.int(1, 2), b.rng.int(1, 2), extent(0), extent(1)];
  }
  const [, , height, width] = shape;
  const kernel: Pair = [b.rng.int(1, Math.min(3, height + 2 * padding[0])), b.rng.int(1, Math.min(3, width + 2 * padding[1]))];
  const stride: Pair = [b.rng.int(1, 3), b.rng.int(1, 3)];
  const out: Pair = [outExtent(height, kernel[0], stride[0], padding[0]), outExtent(width, kernel[1], stride[1], padding[1])];
  return { image: shape, kernel, stride, padding, out };
}

/** An image and a window over it, the image from the pool when a 4-D value fits; null when too big. */
function imageAndWindow(b: Builder, padded: boolean, outputSize: (g: Geometry) => number): { x: Value; g: Geometry } | null {
  // Empty batches or channels are fine; a window needs an image at least 1×1.
  const images = b.candidates({ minRank: 4, maxRank: 4, minSize: 0, accept: (v) => v.tensor.shape[2] >= 1 && v.tensor.shape[3] >= 1 });
  for (let attempt = 0; attempt < 4; attempt++) {
    const reuse = images.length > 0 && b.rng.chance(0.6) ? b.prefer(images) : null;
    const g = windowFor(b, padded, reuse?.tensor.shape);
    if (outputSize(g) > MAX_SIZE || (reuse === null && sizeOf(g.image) > 2 * MAX_LEAF_SIZE)) continue;
    return { x: reuse ?? b.shaped(g.image), g };
  }
  return null;
}

/** `[a, b]`, or one number when both are equal and the coin says so: conv2d and maxPool2d take both. */
function spellPair(b: Builder, pair: Pair): number | Pair {
  return pair[0] === pair[1] && b.rng.chance(0.5) ? pair[0] : pair;
}

function columns(g: Geometry): number[] {
  const [batch, channels] = g.image;
  return [batch, channels * g.kernel[0] * g.kernel[1], g.out[0] * g.out[1]];
}

interface WindowAttrs {
  readonly kernel: Pair;
  readonly stride: Pair;
  readonly padding: Pair;
}

interface FoldAttrs extends WindowAttrs {
  readonly height: number;
  readonly width: number;
}

interface ConvAttrs {
  readonly stride?: number | Pair;
  readonly padding?: number | Pair;
  readonly bias: boolean;
}

interface PoolAttrs {
  readonly kernel: number | Pair;
  readonly stride?: number | Pair;
}

function registryCall(name: string, inputs: readonly Tensor[], attrs: object): Tensor {
  return (getOp(name) as RegisteredOp).call(inputs, attrs);
}

export const windowRecipes: readonly Recipe[] = [
  recipe<WindowAttrs>({
    op: 'im2col',
    produces: ['im2col'],
    run: (inputs, attrs) => registryCall('im2col', inputs, attrs),
    build: (b) => {
      const found = imageAndWindow(b, true, (g) => sizeOf(columns(g)));
      if (found === null) return false;
      const { kernel, stride, padding } = found.g;
      return b.draw('im2col', [found.x], { kernel, stride, padding });
    },
  }),
  recipe<FoldAttrs>({
    op: 'col2im',
    produces: ['col2im'],
    run: (inputs, attrs) => registryCall('col2im', inputs, attrs),
    build: (b) => {
      const g = windowFor(b, true);
      if (sizeOf(columns(g)) > MAX_SIZE || sizeOf(g.image) > MAX_SIZE) return false;
      const { kernel, stride, padding } = g;
      return b.draw('col2im', [b.shaped(columns(g))], { kernel, stride, padding, height: g.image[2], width: g.image[3] });
    },
  }),
  recipe<ConvAttrs>({
    op: 'conv2d',
    produces: ['conv2d'],
    run: ([x, w, bias], { stride, padding, bias: withBias }) =>
      conv2d(x, w, withBias ? bias : null, { ...(stride === undefined ? {} : { stride }), ...(padding === undefined ? {} : { padding }) }),
    build: (b) => {
      const outChannels = b.rng.int(1, 2);
      const found = imageAndWindow(b, true, (g) => g.image[0] * outChannels * g.out[0] * g.out[1]);
      if (found === null) return false;
      const { x, g } = found;
      const w = b.shaped([outChannels, g.image[1], ...g.kernel]);
      const stride = g.stride[0] === 1 && g.stride[1] === 1 && b.rng.chance(0.3) ? undefined : spellPair(b, g.stride);
      const padding = g.padding[0] === 0 && g.padding[1] === 0 && b.rng.chance(0.3) ? undefined : spellPair(b, g.padding);
      if (b.rng.chance(0.5)) return b.draw('conv2d', [x, w], { stride, padding, bias: false });
      return b.draw('conv2d', [x, w, b.shaped([outChannels])], { stride, padding, bias: true });
    },
    misuse: (b) => {
      const found = imageAndWindow(b, true, () => 0);
      if (found === null) return false;
      const { x, g } = found;
      const [, channels, height, width] = g.image;
      const attrs = { stride: g.stride, padding: g.padding, bias: false };
      if (b.rng.chance(0.5)) {
        const w = b.shaped([1, channels + 1, ...g.kernel]);
        return b.misuse('conv2d', [x, w], attrs, [formatShape(x.tensor.shape), formatShape(w.tensor.shape), 'channels']);
      }
      const w = b.shaped([1, channels, height + 2 * g.padding[0] + 1, Math.min(width, 2)]);
      return b.misuse('conv2d', [x, w], attrs, [formatShape(x.tensor.shape), formatShape(w.tensor.shape), 'is larger than']);
    },
  }),
  recipe<PoolAttrs>({
    op: 'maxPool2d',
    produces: ['maxPool2d', 'reshape'],
    run: ([x], { kernel, stride }) => maxPool2d(x, kernel, stride === undefined ? {} : { stride }),
    build: (b) => {
      const found = imageAndWindow(b, false, (g) => g.image[0] * g.image[1] * g.out[0] * g.out[1]);
      if (found === null) return false;
      const { g } = found;
      // A [C,H,W] image is a batch of one.
      const x = g.image[0] === 1 && b.rng.chance(0.3) ? b.fit(found.x, g.image.slice(1)) : found.x;
      const stride = b.rng.chance(0.4) ? undefined : spellPair(b, g.stride);
      return b.draw('maxPool2d', [x], { kernel: spellPair(b, g.kernel), stride });
    },
    misuse: (b) => {
      if (b.rng.chance(0.3)) {
        let x = b.pick({ minRank: 2, maxRank: 2 });
        if (x.tensor.ndim !== 2) x = b.fit(x, [1, x.tensor.size]);
        return b.misuse('maxPool2d', [x], { kernel: 1 }, [formatShape(x.tensor.shape), 'must be 4-D']);
      }
      const found = imageAndWindow(b, false, () => 0);
      if (found === null) return false;
      const [, , height] = found.g.image;
      return b.misuse('maxPool2d', [found.x], { kernel: [height + 1, 1] }, [formatShape(found.x.tensor.shape), 'is larger than']);
    },
  }),
];
