import { describe, expect, it } from 'vitest';
import { loadMnist, MNIST_SPLIT_SIZES } from '../src/node/index.js';

function classCounts(y: { buffer: ArrayLike<number> }): number[] {
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < y.buffer.length; i++) counts[y.buffer[i]]++;
  return counts;
}

describe('loadMnist', () => {
  const first = loadMnist({ seed: 0, dtype: 'float64' });

  it('splits the 10,000 digits 8,000 / 1,000 / 1,000 into [N,784] grey values and int32 labels', () => {
    for (const [part, size] of Object.entries(MNIST_SPLIT_SIZES)) {
      const { x, y } = first[part as keyof typeof first];
      expect(x.shape).toEqual([size, 784]);
      expect(x.dtype).toBe('float64');
      expect(y.shape).toEqual([size]);
      expect(y.dtype).toBe('int32');
      expect(x.min().item()).toBe(0);
      expect(x.max().item()).toBeLessThanOrEqual(1);
    }
  });

  it('stratifies: every split holds each digit in proportion (the val and test splits within one image of each other)', () => {
    const train = classCounts(first.train.y);
    const val = classCounts(first.val.y);
    const test = classCounts(first.test.y);
    for (let digit = 0; digit < 10; digit++) {
      const total = train[digit] + val[digit] + test[digit];
      expect(Math.abs(val[digit] - test[digit])).toBeLessThanOrEqual(1);
      expect(Math.abs(train[digit] - 0.8 * total)).toBeLessThanOrEqual(1);
    }
  });

  it('uses every digit once: no image is in two splits', () => {
    const rows = new Set<string>();
    let count = 0;
    for (const { x } of [first.train, first.val, first.test]) {
      const pixels = x.buffer;
      for (let row = 0; row < x.shape[0]; row++, count++) {
        // A cheap fingerprint of each image; MNIST holds no two identical images.
        let hash = 0;
        for (let p = 0; p < 784; p++) hash = (Math.imul(hash, 31) + Math.round(pixels[row * 784 + p] * 1000)) | 0;
        rows.add(`${hash}`);
      }
    }
    expect(count).toBe(10_000);
    expect(rows.size).toBeGreaterThan(9_990);
  });

  it('gives the same split for the same seed and a different one for another seed', () => {
    const again = loadMnist({ seed: 0, dtype: 'float64' });
    expect(Array.from(again.test.y.buffer)).toEqual(Array.from(first.test.y.buffer));
    expect(Array.from(again.test.x.buffer.subarray(0, 7840))).toEqual(Array.from(first.test.x.buffer.subarray(0, 7840)));
    const other = loadMnist({ seed: 1, dtype: 'float64' });
    expect(Array.from(other.test.y.buffer)).not.toEqual(Array.from(first.test.y.buffer));
  });

  it('gives float32 pixels on request, the same images as float64', () => {
    const single = loadMnist({ seed: 0, dtype: 'float32' });
    expect(single.train.x.dtype).toBe('float32');
    expect(Array.from(single.train.y.buffer)).toEqual(Array.from(first.train.y.buffer));
    expect(single.train.x.buffer[first.train.x.buffer.findIndex((v) => v > 0)]).toBe(Math.fround(first.train.x.buffer.find((v) => v > 0)!));
  });

  it('parses the files once per process: a later call only splits', () => {
    const started = performance.now();
    loadMnist({ seed: 2 });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a non-integer seed and a non-float dtype with the fix', () => {
    expect(() => loadMnist({ seed: 0.5 })).toThrow('loadMnist: seed must be an integer, got 0.5');
    expect(() => loadMnist({ dtype: 'int32' as 'float32' })).toThrow("loadMnist: dtype must be 'float32' or 'float64', got 'int32'; pixel values are fractions");
  });
});
