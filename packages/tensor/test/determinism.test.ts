/**
 * What docs/performance.md ("Determinism") promises, through the public API: worker threads
 * change no bit of any result, the reductions ignore the kernel options, and float64 products
 * agree bit for bit between the WebAssembly and the TypeScript kernels on this engine.
 */
import { availableParallelism } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  conv2d, withKernelOptions, kernelInfo, linear, manualSeed, randn, softmaxCrossEntropy, warmUpKernels,
  type FloatDtype, type Tensor,
} from '@tapegrad/tensor';

/** Asserts two lists of tensors hold the same bits (NaN payloads and the sign of zero included). */
function expectSameBits(actual: readonly Tensor[], expected: readonly Tensor[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((x, i) => {
    expect(x.shape).toEqual(expected[i].shape);
    const bytes = (t: Tensor) => Buffer.from(t.buffer.buffer, t.buffer.byteOffset, t.buffer.byteLength);
    expect(bytes(x).equals(bytes(expected[i])), `tensor ${i} differs`).toBe(true);
  });
}

const DTYPES: readonly FloatDtype[] = ['float32', 'float64'];

/** matmul forward and both gradients, large enough (≥ 2¹⁹ multiply-adds) to be shared between threads. */
function matmulRun(dtype: FloatDtype): () => Tensor[] {
  manualSeed(1);
  const a = randn([130, 300], { dtype, requiresGrad: true });
  const b = randn([300, 90], { dtype, requiresGrad: true });
  const seed = randn([130, 90], { dtype });
  return () => {
    a.grad = null;
    b.grad = null;
    const out = a.matmul(b);
    out.backward(seed);
    return [out, a.grad!, b.grad!];
  };
}

/** conv2d forward and the gradients of input, weights and bias (every product ≥ 2¹⁹ multiply-adds). */
function conv2dRun(dtype: FloatDtype): () => Tensor[] {
  manualSeed(2);
  const x = randn([4, 8, 32, 32], { dtype, requiresGrad: true });
  const w = randn([16, 8, 3, 3], { dtype, requiresGrad: true });
  const bias = randn([16], { dtype, requiresGrad: true });
  return () => {
    for (const t of [x, w, bias]) t.grad = null;
    const out = conv2d(x, w, bias, { padding: 1 });
    out.mul(out).sum().backward();
    return [out, x.grad!, w.grad!, bias.grad!];
  };
}

describe.runIf(availableParallelism() > 1)('worker threads', () => {
  beforeAll(async () => {
    // Until the workers are ready every product runs on the calling thread, which would prove nothing.
    expect((await warmUpKernels()).threads).toBeGreaterThan(1);
  });

  describe.each(DTYPES)('%s', (dtype) => {
    it('give matmul and both its gradients bit-identical to one thread', () => {
      const run = matmulRun(dtype);
      expectSameBits(run(), withKernelOptions({ threads: 1 }, run));
    });

    it('give conv2d and its input, weight and bias gradients bit-identical to one thread', () => {
      const run = conv2dRun(dtype);
      expectSameBits(run(), withKernelOptions({ threads: 1 }, run));
    });

    it('give a linear layer over a batch of 256 the same bits as one thread', () => {
      manualSeed(3);
      const x = randn([256, 784], { dtype });
      const w = randn([128, 784], { dtype });
      expectSameBits([linear(x, w)], withKernelOptions({ threads: 1 }, () => [linear(x, w)]));
    });
  });
});

describe('reductions', () => {
  it.each(DTYPES)('give the same bits whatever the kernel options (%s): they run in TypeScript, in one fixed order', (dtype) => {
    manualSeed(4);
    const x = randn([300, 257], { dtype });
    const labels = Array.from({ length: 300 }, (_, i) => i % 257);
    const reduce = () => [
      x.sum(), x.sum(0), x.sum([0, 1]), x.mean(1), x.var(0), x.std(1), x.max(0), x.min(), x.logsumexp(1), x.softmax(0), x.logSoftmax(1),
      softmaxCrossEntropy(x, labels),
    ];
    const fast = reduce();
    expectSameBits(fast, withKernelOptions({ threads: 1 }, reduce));
    expectSameBits(fast, withKernelOptions({ threads: 1, wasm: false }, reduce));
  });
});

describe('products on the WebAssembly and the TypeScript kernels', () => {
  it('agree bit for bit in float64 on an engine without fused multiply-add: both add the k products in order', () => {
    if (kernelInfo().fusedMultiplyAdd) return; // a fused multiply-add rounds once per step: different bits
    const matmul = matmulRun('float64');
    expectSameBits(matmul(), withKernelOptions({ wasm: false }, matmul));
    const conv = conv2dRun('float64');
    expectSameBits(conv(), withKernelOptions({ wasm: false }, conv));
  });

  it.each(DTYPES)('give a row of a large %s product the same bits alone as inside its batch', (dtype) => {
    manualSeed(5);
    const x = randn([300, 784], { dtype });
    const w = randn([784, 200], { dtype });
    const batch = x.matmul(w);
    for (const row of [0, 1, 63, 64, 299]) {
      expectSameBits([x.slice([row], [row + 1]).matmul(w)], [batch.slice([row], [row + 1])]);
    }
  });
});
