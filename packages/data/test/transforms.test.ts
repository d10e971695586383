import { describe, expect, it } from 'vitest';
import { manualSeed, randn, tensor, type Tensor } from '@tapegrad/tensor';
import { meanSubtract, standardize, type FittedTransform } from '../src/index.js';

/** Column means and standard deviations (÷N) of a [N, D] tensor, by plain loops. */
function columnStats(x: Tensor): { mean: number[]; std: number[] } {
  const [n, d] = x.shape;
  const mean = new Array<number>(d).fill(0);
  const square = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x.buffer[i * d + j] / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) square[j] += (x.buffer[i * d + j] - mean[j]) ** 2 / n;
  return { mean, std: square.map(Math.sqrt) };
}

describe('standardize', () => {
  it('gives mean ≈ 0 and std ≈ 1 per feature on the training split it was fitted on', () => {
    manualSeed(0);
    const train = randn([200, 3]).mul(tensor([1, 10, 0.1])).add(tensor([5, -3, 100]));
    const out = standardize().fitTransform(train);
    const { mean, std } = columnStats(out);
    mean.forEach((m) => expect(m).toBeCloseTo(0, 10));
    std.forEach((s) => expect(s).toBeCloseTo(1, 12));
  });

  it("applies the training split's mean and std to validation data, not the validation split's own", () => {
    manualSeed(1);
    const train = randn([100, 2]).mul(2).add(3);
    const val = randn([40, 2]).mul(5).sub(1);
    const scaler = standardize().fit(train);
    const stats = columnStats(train);
    expect(Array.from(scaler.mean.buffer)).toEqual(stats.mean.map((m) => expect.closeTo(m, 12)));
    const out = scaler.transform(val);
    for (let i = 0; i < 40; i++) {
      for (let j = 0; j < 2; j++) expect(out.buffer[i * 2 + j]).toBeCloseTo((val.buffer[i * 2 + j] - stats.mean[j]) / stats.std[j], 12);
    }
    expect(columnStats(out).std[0]).toBeGreaterThan(1.5);
  });

  it('divides a constant feature by 1 (as scikit-learn), so it becomes 0 instead of NaN', () => {
    const x = tensor([[0.1, 1], [0.1, 2], [0.1, 3]]);
    const scaler = standardize().fit(x);
    expect(scaler.std.toArray()).toEqual([0, expect.closeTo(Math.sqrt(2 / 3), 14)]);
    expect((scaler.transform(x).toArray() as number[][]).map((row) => row[0])).toEqual([0, 0, 0]);
  });

  it('keeps the input shape and float32 dtype, with statistics shaped like one row (the mean image)', () => {
    manualSeed(2);
    const images = randn([10, 1, 2, 3], { dtype: 'float32' });
    const scaler = standardize().fit(images);
    expect(scaler.mean.shape).toEqual([1, 2, 3]);
    const out = scaler.transform(images);
    expect(out.shape).toEqual([10, 1, 2, 3]);
    expect(out.dtype).toBe('float32');
    expect(out.requiresGrad).toBe(false);
  });
});

describe('meanSubtract', () => {
  it("subtracts the training mean image from every split and leaves the scale alone", () => {
    const train = tensor([[1, 10], [3, 30]]);
    const center = meanSubtract().fit(train);
    expect(center.mean.toArray()).toEqual([2, 20]);
    expect(center.transform(tensor([[2, 0]])).toArray()).toEqual([[0, -20]]);
  });

  it('gives float output for int32 pixels', () => {
    const out = meanSubtract().fitTransform(tensor(new Int32Array([0, 255, 255, 255]), { shape: [2, 2] }));
    expect(out.dtype).toBe('float64');
    expect(out.toArray()).toEqual([[-127.5, 0], [127.5, 0]]);
  });
});

describe.each<[string, () => FittedTransform]>([
  ['meanSubtract', meanSubtract],
  ['standardize', standardize],
])('%s errors', (name, make) => {
  it('says whether it is fitted, and fit returns the transform itself', () => {
    const transform = make();
    expect(transform.isFitted).toBe(false);
    expect(transform.fit(tensor([[1, 2], [3, 5]]))).toBe(transform);
    expect(transform.isFitted).toBe(true);
  });

  it('refuses to transform before fit, saying to fit on the training split and why', () => {
    expect(() => make().transform(tensor([[1, 2]]))).toThrow(
      `${name}: transform called before fit; call fit(xTrain) on the training split first (statistics fitted on validation or test data would leak them into training)`,
    );
    expect(() => (make() as unknown as { mean: Tensor }).mean).toThrow(`${name}: mean read before fit`);
  });

  it('refuses data with a different number of features than fit saw, showing both shapes', () => {
    const transform = make().fit(tensor([[1, 2, 3], [4, 5, 6]]));
    expect(() => transform.transform(tensor([[1, 2]]))).toThrow(
      `${name}: transform got x [1,2] with 2 features per row, but fit saw x [2,3] with 3; transform data shaped like the data the transform was fitted on`,
    );
    expect(transform.transform(tensor([[[1, 2, 3]]])).shape).toEqual([1, 1, 3]);
  });

  it('refuses NaN in the data it is fitted on, naming the step', () => {
    expect(() => make().fit(tensor([[1, NaN]]))).toThrow(`${name}.fit: x has NaN at row 0, column 1 of x [1,2]`);
  });
});
