/**
 * Ops that must stay finite where a naive formula overflows: the softmax family and the fused
 * cross-entropy at logits of ±1e4 (exp(1e4) is Infinity in any float), and sigmoid and tanh
 * saturating at ±1e4 and ±Infinity. Each runs inside detectAnomaly, so not even an intermediate
 * result of the forward or of the backward may be NaN or ±Infinity.
 */
import { describe, expect, it } from 'vitest';
import { detectAnomaly, softmaxCrossEntropy, tensor, type FloatDtype, type Tensor } from '@tapegrad/tensor';

const DTYPES: readonly FloatDtype[] = ['float64', 'float32'];

/** Rows with one, two and three tied maxima, and a gap of 2e4 between logits. */
const LOGITS = [
  [1e4, -1e4, 0],
  [-1e4, -1e4, -1e4],
  [1e4, 1e4, -1e4],
];
/** Seed gradients that differ per entry, so a backward is more than a sum of rows. */
const SEED = [
  [0.5, -1, 2],
  [1, 0.25, -3],
  [-0.5, 1.5, 1],
];

/** softmax of each row, computed in float64 with the max shift. */
function softmaxRows(rows: number[][]): number[][] {
  return rows.map((row) => {
    const m = Math.max(...row);
    const e = row.map((v) => Math.exp(v - m));
    const total = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / total);
  });
}
const P = softmaxRows(LOGITS);
const LOG_SUM_EXP = LOGITS.map((row) => {
  const m = Math.max(...row);
  return m + Math.log(row.reduce((a, v) => a + Math.exp(v - m), 0));
});

/** Asserts `actual` is finite and within `relative` · max(1, |expected|) of `expected`, entry by entry. */
function expectClose(actual: Tensor, expected: number[][] | number[], relative: number): void {
  const flat = expected.flat();
  expect(actual.size).toBe(flat.length);
  flat.forEach((e, i) => {
    const a = actual.buffer[i];
    expect(Number.isFinite(a), `entry ${i} is ${a}`).toBe(true);
    expect(Math.abs(a - e), `entry ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(e)));
  });
}

/** Runs `f` on fresh logits of `dtype` inside detectAnomaly, seeds backward with SEED, and returns the output and the gradient. */
function run(dtype: FloatDtype, f: (x: Tensor) => Tensor, seed: number[][] | number[] = SEED): [Tensor, Tensor] {
  const x = tensor(LOGITS, { dtype, requiresGrad: true });
  const out = detectAnomaly(() => {
    const y = f(x);
    y.backward(tensor(seed, { dtype }));
    return y;
  });
  expect(out.dtype).toBe(dtype);
  expect(x.grad!.dtype).toBe(dtype);
  return [out, x.grad!];
}

const TOLERANCE: Record<FloatDtype, number> = { float64: 1e-12, float32: 1e-6 };

describe.each(DTYPES)('the softmax family at logits of ±1e4 in %s', (dtype) => {
  it('softmax gives exact one-hot and tied rows, and the gradient y ⊙ (g − Σ g⊙y)', () => {
    const [out, grad] = run(dtype, (x) => x.softmax(-1));
    expectClose(out, P, TOLERANCE[dtype]);
    const expected = P.map((y, r) => {
      const dot = y.reduce((a, v, k) => a + v * SEED[r][k], 0);
      return y.map((v, k) => v * (SEED[r][k] - dot));
    });
    expectClose(grad, expected, TOLERANCE[dtype]);
  });

  it('logSoftmax gives x − logsumexp(x), -2e4 included, and the gradient g − softmax·Σg', () => {
    const [out, grad] = run(dtype, (x) => x.logSoftmax(-1));
    expectClose(out, LOGITS.map((row, r) => row.map((v) => v - LOG_SUM_EXP[r])), TOLERANCE[dtype]);
    const expected = P.map((y, r) => {
      const total = SEED[r].reduce((a, b) => a + b, 0);
      return y.map((v, k) => SEED[r][k] - v * total);
    });
    expectClose(grad, expected, TOLERANCE[dtype]);
  });

  it('logsumexp gives max + log(count of maxima) and the softmax as its gradient', () => {
    const seed = [1, -2, 0.5];
    const [out, grad] = run(dtype, (x) => x.logsumexp(1), seed);
    expectClose(out, LOG_SUM_EXP, TOLERANCE[dtype]);
    // The gradient is exp(x − out) from the stored output (as PyTorch's): in float32 an output
    // near 1e4 is rounded to a multiple of 2⁻¹⁰, so exp(x − out) may be off by up to 5e-4 relative.
    expectClose(grad, P.map((y, r) => y.map((v) => v * seed[r])), dtype === 'float32' ? 1e-3 : TOLERANCE[dtype]);
  });

  it('softmaxCrossEntropy gives logsumexp − the labelled logit, and (softmax − onehot)·g', () => {
    const labels = [1, 0, 2];
    const seed = [1, -2, 0.5];
    const [out, grad] = run(dtype, (x) => softmaxCrossEntropy(x, labels), seed);
    expectClose(out, LOGITS.map((row, r) => LOG_SUM_EXP[r] - row[labels[r]]), TOLERANCE[dtype]);
    expectClose(grad, P.map((y, r) => y.map((v, k) => (v - (k === labels[r] ? 1 : 0)) * seed[r])), TOLERANCE[dtype]);
  });
});

describe.each(DTYPES)('sigmoid and tanh saturating in %s', (dtype) => {
  const inputs = [-Infinity, -1e4, -40, 0, 40, 1e4, Infinity];

  it('sigmoid goes to exactly 0 and 1 without NaN, with gradient σ(1 − σ) → 0', () => {
    const x = tensor(inputs, { dtype, requiresGrad: true });
    const y = detectAnomaly(() => {
      const out = x.sigmoid();
      out.sum().backward();
      return out;
    });
    const expected = inputs.map((v) => 1 / (1 + Math.exp(-v)));
    expectClose(y, expected, TOLERANCE[dtype]);
    expect([y.buffer[0], y.buffer[1], y.buffer[5], y.buffer[6]]).toEqual([0, 0, 1, 1]);
    expectClose(x.grad!, expected.map((s) => s * (1 - s)), TOLERANCE[dtype]);
    expect([x.grad!.buffer[0], x.grad!.buffer[6]]).toEqual([0, 0]);
  });

  it('tanh goes to exactly ±1 without NaN, with gradient 1 − tanh² → 0', () => {
    const x = tensor(inputs, { dtype, requiresGrad: true });
    const y = detectAnomaly(() => {
      const out = x.tanh();
      out.sum().backward();
      return out;
    });
    expect(Array.from(y.buffer)).toEqual([-1, -1, -1, 0, 1, 1, 1]);
    expect(Array.from(x.grad!.buffer)).toEqual([0, 0, 0, 1, 0, 0, 0]);
  });
});
