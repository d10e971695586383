import { describe, expect, it } from 'vitest';
import { manualSeed, randn, tensor, type Tensor } from '@tapegrad/tensor';
import { DataLoader, type Dataset } from '../src/index.js';

/** N rows whose features record their own index: row r is [r, r + 0.5], label r mod 3. */
function indexed(n: number): Dataset {
  const x = new Float64Array(2 * n);
  for (let r = 0; r < n; r++) {
    x[2 * r] = r;
    x[2 * r + 1] = r + 0.5;
  }
  return { x: tensor(x, { shape: [n, 2] }), y: tensor(Int32Array.from({ length: n }, (_, r) => r % 3)) };
}

/** The row index each batch row came from, epoch by epoch. */
function epochs(loader: DataLoader, count: number, between: () => void = () => {}): number[][] {
  const out: number[][] = [];
  for (let epoch = 0; epoch < count; epoch++) {
    const rows: number[] = [];
    for (const { x } of loader) {
      between();
      for (let i = 0; i < x.shape[0]; i++) rows.push(x.buffer[2 * i]);
    }
    out.push(rows);
  }
  return out;
}

const rowsOf = (x: Tensor) => Array.from({ length: x.shape[0] }, (_, i) => x.buffer[i * (x.size / x.shape[0])]);

describe('DataLoader', () => {
  it('gives the same sequence of shuffled epochs from two loaders with the same seed', () => {
    const data = indexed(50);
    const a = epochs(new DataLoader(data, { batchSize: 8, shuffle: true, seed: 7 }), 3);
    const b = epochs(new DataLoader(data, { batchSize: 8, shuffle: true, seed: 7 }), 3);
    expect(a).toEqual(b);
    expect(epochs(new DataLoader(data, { batchSize: 8, shuffle: true, seed: 8 }), 1)[0]).not.toEqual(a[0]);
  });

  it('ignores the global generator: randn and manualSeed calls between batches change nothing', () => {
    const data = indexed(40);
    manualSeed(0);
    const quiet = epochs(new DataLoader(data, { batchSize: 6, shuffle: true, seed: 3 }), 2);
    let calls = 0;
    const noisy = epochs(new DataLoader(data, { batchSize: 6, shuffle: true, seed: 3 }), 2, () => {
      randn([5]);
      if (++calls % 3 === 0) manualSeed(calls);
    });
    expect(calls).toBe(14);
    expect(noisy).toEqual(quiet);
  });

  it('draws a new order every epoch when shuffling, and keeps row order without', () => {
    const data = indexed(30);
    const [first, second] = epochs(new DataLoader(data, { batchSize: 7, shuffle: true }), 2);
    expect(first).not.toEqual(second);
    const ordered = epochs(new DataLoader(data, { batchSize: 7 }), 2);
    expect(ordered[0]).toEqual(Array.from({ length: 30 }, (_, r) => r));
    expect(ordered[1]).toEqual(ordered[0]);
  });

  it('visits every row exactly once per epoch, with features and labels still aligned', () => {
    const data = indexed(37);
    const loader = new DataLoader(data, { batchSize: 5, shuffle: true, seed: 11 });
    for (let epoch = 0; epoch < 3; epoch++) {
      const seen: number[] = [];
      for (const { x, y } of loader) {
        const rows = rowsOf(x);
        rows.forEach((row, i) => {
          expect(x.buffer[2 * i + 1]).toBe(row + 0.5);
          expect(y.buffer[i]).toBe(row % 3);
        });
        seen.push(...rows);
      }
      expect(seen.sort((p, q) => p - q)).toEqual(Array.from({ length: 37 }, (_, r) => r));
    }
  });

  it('runs two loops over one loader at once, each a whole epoch', () => {
    const loader = new DataLoader(indexed(6), { batchSize: 4, shuffle: true, seed: 2 });
    const outer: number[] = [];
    const inner: number[][] = [];
    for (const { x } of loader) {
      outer.push(...rowsOf(x));
      inner.push([...loader].flatMap((batch) => rowsOf(batch.x)).sort((p, q) => p - q));
    }
    expect(outer.sort((p, q) => p - q)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(inner).toEqual([[0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5]]);
  });

  it('keeps the last partial batch, and length counts it', () => {
    const loader = new DataLoader(indexed(10), { batchSize: 4 });
    expect([...loader].map(({ x, y }) => [x.shape[0], y.shape[0]])).toEqual([[4, 4], [4, 4], [2, 2]]);
    expect(loader.length).toBe(3);
  });

  it('skips the last partial batch with dropLast, and length does not count it', () => {
    const loader = new DataLoader(indexed(10), { batchSize: 4, shuffle: true, dropLast: true });
    expect([...loader].map(({ x }) => x.shape[0])).toEqual([4, 4]);
    expect(loader.length).toBe(2);
    expect(new DataLoader(indexed(8), { batchSize: 4, dropLast: true }).length).toBe(2);
  });

  it('refuses a loader whose epochs would hold no batch: no rows, or dropLast with batchSize above N', () => {
    expect(() => new DataLoader(indexed(3), { batchSize: 4, dropLast: true })).toThrow(
      'DataLoader: dropLast with batchSize 4 skips every batch of a data set of 3 rows, so every epoch would be empty; use batchSize ≤ 3 or dropLast: false',
    );
    expect(() => new DataLoader(indexed(0), { batchSize: 4 })).toThrow(
      'DataLoader: the data set has no rows (x [0,2]), so every epoch would be empty; check the split or filter that made it',
    );
    // Without dropLast, a batchSize above N is one batch of all N rows, as in PyTorch.
    expect([...new DataLoader(indexed(3), { batchSize: 4 })].map(({ x }) => x.shape)).toEqual([[3, 2]]);
  });

  it('reads the rows of a reshaped view and of a small tensor stored inside a shared slab', () => {
    // reshape shares storage; a tensor this small is a window on a larger ArrayBuffer.
    const flat = tensor(Float64Array.from({ length: 12 }, (_, i) => i), { shape: [2, 6] });
    const view = flat.reshape([6, 2]);
    const small = tensor([[10, 11], [12, 13], [14, 15]]);
    for (const [x, first] of [[view, 0], [small, 10]] as const) {
      const rows = x.shape[0];
      const batches = [...new DataLoader({ x, y: tensor(new Int32Array(rows)) }, { batchSize: 2 })];
      expect(batches.flatMap((batch) => Array.from(batch.x.buffer))).toEqual(Array.from({ length: 2 * rows }, (_, i) => first + i));
    }
  });

  it('batches int32 features as int32', () => {
    const x = tensor(new Int32Array([1, 2, 3, 4, 5, 6]), { shape: [3, 2] });
    const [batch] = [...new DataLoader({ x, y: tensor(new Int32Array(3)) }, { batchSize: 2 })];
    expect(batch.x.dtype).toBe('int32');
    expect(batch.x.toArray()).toEqual([[1, 2], [3, 4]]);
  });

  it("keeps the data set's dtypes and trailing shape: [N,1,4,4] float32 images batch as [B,1,4,4]", () => {
    const images = tensor(Float32Array.from({ length: 6 * 16 }, (_, i) => i), { shape: [6, 1, 4, 4] });
    const labels = tensor(new Int32Array([0, 1, 2, 0, 1, 2]));
    const [first, last] = [...new DataLoader({ x: images, y: labels }, { batchSize: 4 })];
    expect(first.x.shape).toEqual([4, 1, 4, 4]);
    expect(first.x.dtype).toBe('float32');
    expect(first.y.dtype).toBe('int32');
    expect(last.x.shape).toEqual([2, 1, 4, 4]);
    expect(Array.from(last.x.buffer.subarray(0, 3))).toEqual([64, 65, 66]);
    expect(first.x.requiresGrad).toBe(false);
  });

  it.each([0, -3, 2.5, NaN])('rejects batchSize %s, naming the option and what to pass', (batchSize) => {
    expect(() => new DataLoader(indexed(4), { batchSize })).toThrow(
      `DataLoader: batchSize must be a positive integer, got ${batchSize}; pass e.g. { batchSize: 64 }`,
    );
  });

  it('asks for the options when a JavaScript caller leaves them out', () => {
    expect(() => new DataLoader(indexed(4), undefined as never)).toThrow(
      'DataLoader: batchSize must be a positive integer, got undefined; pass e.g. { batchSize: 64 }',
    );
  });

  it('rejects a data set whose rows and labels differ in number, showing both shapes', () => {
    const data = { x: tensor(new Float64Array(20), { shape: [10, 2] }), y: tensor(new Int32Array(9)) };
    expect(() => new DataLoader(data, { batchSize: 4 })).toThrow(
      'DataLoader: x has 10 rows but y has 9 labels: x [10,2], y [9]; pass one label per row of x (x is [N, ...features], y is [N])',
    );
  });

  it('rejects NaN features, giving the first bad row and column', () => {
    const x = new Float64Array(12);
    x[7] = NaN;
    expect(() => new DataLoader({ x: tensor(x, { shape: [4, 3] }), y: tensor(new Int32Array(4)) }, { batchSize: 2 })).toThrow(
      'DataLoader: x has NaN at row 2, column 1 of x [4,3]; drop or impute missing and infinite values before training on them',
    );
  });
});
