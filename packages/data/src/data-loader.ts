/**
 * Mini-batches over a data set, one epoch per `for…of`, as PyTorch's `DataLoader`.
 * @module
 */
import { formatShape, seededUniform } from '@tapegrad/tensor';
import type { Dataset } from './dataset.js';
import { shuffleInPlace } from './seeded-permutation.js';
import { takeRows } from './take.js';
import { validateDataset } from './validate-dataset.js';

/** Options of {@link DataLoader}. */
export interface DataLoaderOptions {
  /** Examples per batch, a positive integer. Required. */
  batchSize: number;
  /** Visit the rows in a new random order every epoch. Default false (rows in order). */
  shuffle?: boolean;
  /**
   * Seed of the loader's own generator, which draws one permutation per epoch when `shuffle` is
   * on. Default 0. Tensor's global generator (`manualSeed`, `randn`, dropout) is never touched.
   */
  seed?: number;
  /** Skip the last batch when it is smaller than `batchSize`. Default false. */
  dropLast?: boolean;
}

/**
 * Iterates a {@link Dataset} in mini-batches `{ x, y }`. Each `for…of` is one epoch; batches are
 * `[batchSize, ...x.shape.slice(1)]` with the data set's dtypes (images `[N,1,28,28]` batch as
 * `[B,1,28,28]`), and the last one holds the remaining rows unless `dropLast`.
 *
 * With `shuffle`, every epoch visits each row exactly once in a new order drawn from the loader's
 * own generator seeded by `seed` (as a `torch.Generator` passed to a PyTorch DataLoader): two
 * loaders with the same seed give the same sequence of epochs, whatever else draws random numbers
 * in between (`randn`, dropout, initialisers).
 *
 * ```ts
 * const loader = new DataLoader(train, { batchSize: 64, shuffle: true, seed: 0 });
 * for (let epoch = 0; epoch < 10; epoch++) {
 *   for (const { x, y } of loader) { … }     // loader.length batches
 * }
 * ```
 */
export class DataLoader implements Iterable<Dataset> {
  /** The data set the batches are drawn from. */
  readonly dataset: Dataset;
  /** Examples per batch. */
  readonly batchSize: number;
  /** Whether each epoch visits the rows in a new random order. */
  readonly shuffle: boolean;
  /** Whether an incomplete last batch is skipped. */
  readonly dropLast: boolean;
  /** The seed the loader's generator started from. */
  readonly seed: number;
  /** The loader's own stream: one draw of it per row per shuffled epoch. */
  readonly #uniform: () => number;

  /**
   * Checks the data set and options once, so iteration itself cannot fail half-way through.
   * Unlike PyTorch, a loader whose epochs would hold no batch at all (no rows, or `dropLast`
   * with `batchSize` above the number of rows) is an error rather than a loop that never runs.
   */
  constructor(dataset: Dataset, options: DataLoaderOptions) {
    // `?? {}`: a JavaScript caller who leaves the options out gets the batchSize message below.
    const { batchSize, shuffle = false, seed = 0, dropLast = false } = options ?? ({} as Partial<DataLoaderOptions>);
    validateDataset(dataset, 'DataLoader');
    if (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize < 1) {
      throw new Error(`DataLoader: batchSize must be a positive integer, got ${String(batchSize)}; pass e.g. { batchSize: 64 }`);
    }
    if (typeof shuffle !== 'boolean') throw new Error(`DataLoader: shuffle must be true or false, got ${String(shuffle)}`);
    if (typeof dropLast !== 'boolean') throw new Error(`DataLoader: dropLast must be true or false, got ${String(dropLast)}`);
    if (!Number.isSafeInteger(seed)) throw new Error(`DataLoader: seed must be an integer, got ${String(seed)}; pass e.g. { seed: 0 }`);
    // An epoch of no batches would train on nothing without a word (PyTorch allows it), so say why.
    const rows = dataset.y.shape[0];
    if (rows === 0) {
      throw new Error(`DataLoader: the data set has no rows (x ${formatShape(dataset.x.shape)}), so every epoch would be empty; check the split or filter that made it`);
    }
    if (dropLast && batchSize > rows) {
      throw new Error(
        `DataLoader: dropLast with batchSize ${batchSize} skips every batch of a data set of ${rows} rows, so every epoch would be empty; ` +
          `use batchSize ≤ ${rows} or dropLast: false`,
      );
    }
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.dropLast = dropLast;
    this.seed = seed;
    this.#uniform = seededUniform(seed);
  }

  /** Number of rows in the data set. */
  get size(): number {
    return this.dataset.y.shape[0];
  }

  /** Batches per epoch: ⌈N / batchSize⌉, or ⌊N / batchSize⌋ with `dropLast`. */
  get length(): number {
    return this.dropLast ? Math.floor(this.size / this.batchSize) : Math.ceil(this.size / this.batchSize);
  }

  /**
   * Starts one epoch. The permutation is drawn here, not on the first `next()`, so the epochs
   * come in the order their iterators were made.
   */
  [Symbol.iterator](): Iterator<Dataset> {
    const order = new Int32Array(this.size);
    for (let i = 0; i < order.length; i++) order[i] = i;
    if (this.shuffle) shuffleInPlace(order, this.#uniform);
    return this.#batches(order);
  }

  *#batches(order: Int32Array): Generator<Dataset> {
    const { x, y } = this.dataset;
    for (let batch = 0; batch < this.length; batch++) {
      const rows = order.subarray(batch * this.batchSize, Math.min((batch + 1) * this.batchSize, order.length));
      yield { x: takeRows(x, rows, 'DataLoader'), y: takeRows(y, rows, 'DataLoader') };
    }
  }
}
