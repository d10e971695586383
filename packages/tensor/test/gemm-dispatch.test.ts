import { afterEach, describe, expect, it } from 'vitest';
import {
  getKernelOptions, withKernelOptions, kernelInfo, manualSeed, matmul, randn, setKernelOptions, tensor, type FloatDtype, type Tensor,
} from '@tapegrad/tensor';

function expectClose(actual: Tensor, expected: Tensor, tolerance: number): void {
  expect(actual.shape).toEqual(expected.shape);
  const a = actual.data();
  const e = expected.data();
  for (let i = 0; i < e.length; i++) expect(Math.abs(a[i] - e[i])).toBeLessThanOrEqual(tolerance * (1 + Math.abs(e[i])));
}

const TOLERANCE: Record<FloatDtype, number> = { float32: 1e-4, float64: 1e-12 };

describe('matmul on the fast kernels', () => {
  afterEach(() => setKernelOptions({ threads: Infinity, wasm: true }));

  describe.each(['float32', 'float64'] as const)('%s', (dtype) => {
    it.each([
      [[33, 257], [257, 7]],
      [[3, 33, 57], [57, 40]],
      [[2, 1, 17, 33], [3, 33, 65]],
      [[257], [257, 33]],
      [[64, 784], [784]],
    ])('matches the TypeScript reference for %j @ %j, forward and both gradients', (shapeA, shapeB) => {
      manualSeed(5);
      const a = randn(shapeA, { dtype, requiresGrad: true });
      const b = randn(shapeB, { dtype, requiresGrad: true });
      const run = () => {
        a.grad = null;
        b.grad = null;
        const out = matmul(a, b);
        // A weighted sum makes the seed gradient non-uniform, so G·Bᵀ and Aᵀ·G are real products.
        out.mul(randn(out.shape, { dtype })).sum().backward();
        return [out, a.grad!, b.grad!];
      };
      manualSeed(9);
      const fast = run();
      manualSeed(9);
      const reference = withKernelOptions({ wasm: false }, run);
      fast.forEach((x, i) => expectClose(x, reference[i], TOLERANCE[dtype]));
    });

    it('is the same on one thread and on all threads', () => {
      manualSeed(3);
      const a = randn([130, 300], { dtype });
      const b = randn([300, 90], { dtype });
      const threaded = matmul(a, b).data();
      const single = withKernelOptions({ threads: 1 }, () => matmul(a, b).data());
      expect([...threaded]).toEqual([...single]);
    });
  });

  it('keeps int32 products exact on the reference kernel', () => {
    const a = tensor([[1, 2], [3, 4]], { dtype: 'int32' });
    expect(matmul(a, a).toArray()).toEqual([[7, 10], [15, 22]]);
  });
});

describe('setKernelOptions', () => {
  afterEach(() => setKernelOptions({ threads: Infinity, wasm: true }));

  it('changes only the options given', () => {
    setKernelOptions({ threads: 1 });
    setKernelOptions({ wasm: false });
    expect(getKernelOptions()).toEqual({ threads: 1, wasm: false });
  });

  it('reports what will run in kernelInfo', () => {
    expect(kernelInfo().wasm).toBe(true);
    setKernelOptions({ threads: 1 });
    expect(kernelInfo().threads).toBe(1);
    setKernelOptions({ wasm: false });
    expect(kernelInfo()).toEqual({ wasm: false, fusedMultiplyAdd: false, threads: 1 });
  });

  it('rejects fewer than one thread, naming the option', () => {
    expect(() => setKernelOptions({ threads: 0 })).toThrow(/threads must be at least 1/);
  });

  it('withKernelOptions restores the previous options after its callback, also when it throws', () => {
    setKernelOptions({ threads: 2 });
    expect(withKernelOptions({ threads: 1, wasm: false }, () => getKernelOptions())).toEqual({ threads: 1, wasm: false });
    expect(getKernelOptions()).toEqual({ threads: 2, wasm: true });
    expect(() => withKernelOptions({ wasm: false }, () => { throw new Error('inside'); })).toThrow('inside');
    expect(getKernelOptions()).toEqual({ threads: 2, wasm: true });
  });
});
