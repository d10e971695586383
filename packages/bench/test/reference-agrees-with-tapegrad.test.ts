import { describe, expect, it } from 'vitest';
import { loadTapegrad } from '../src/libraries/tapegrad.js';
import type { Library, Prepared } from '../src/library.js';
import { makeChainInput, chainWorkload } from '../src/workloads/chain.js';
import { makeConvInput, convWorkload } from '../src/workloads/conv.js';
import { matmulWorkload } from '../src/workloads/matmul.js';
import { makeMlpInput, mlpWorkload } from '../src/workloads/mlp.js';
import { makeScalarMlpInput, scalarMlpWorkload } from '../src/workloads/scalar-mlp.js';
import { scalarChainWorkload } from '../src/workloads/scalar-chain.js';
import { SeededRandom } from '../src/seeded-random.js';

async function outputsOf<T>(prepared: Prepared<T>, steps = 1): Promise<T[]> {
  const outputs: T[] = [];
  for (let i = 0; i < steps; i++) {
    await prepared.step();
    outputs.push(await prepared.read());
  }
  return outputs;
}

describe('the float64 references agree with tapegrad on tiny cases', async () => {
  const tapegrad: Library = await loadTapegrad('tapegrad');

  it('matmul, in float64 and float32', async () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const random = new SeededRandom(7);
      const n = 5;
      const input = { n, dtype, a: Float64Array.from(random.normals(n * n)), b: Float64Array.from(random.normals(n * n)) };
      const typed = { ...input, a: dtype === 'float32' ? Float32Array.from(input.a) : input.a, b: dtype === 'float32' ? Float32Array.from(input.b) : input.b };
      expect(matmulWorkload.check(await outputsOf(await tapegrad.matmul!(typed)), typed, dtype)).toBeNull();
    }
  });

  it('three MLP training steps give the reference losses', async () => {
    const input = makeMlpInput(6, 'float64', { features: 5, hidden: 4, classes: 3 });
    const losses = await outputsOf(await tapegrad.mlp!(input), 3);
    expect(mlpWorkload.check(losses, input, 'float64')).toBeNull();
    expect(losses[2]).toBeLessThan(losses[0]); // SGD is descending
  });

  it('a short add/mul/tanh chain has the reference value and gradient', async () => {
    const input = makeChainInput(30, 4);
    const [out] = await outputsOf(await tapegrad.chain!(input));
    expect(chainWorkload.check([out], input, 'float32')).toBeNull();
    expect(Math.max(...out.grad.map(Math.abs))).toBeGreaterThan(0.1); // the gradient is not vanishingly small
  });

  it('the micrograd MLP has the reference loss and parameter gradients', async () => {
    const input = makeScalarMlpInput([3, 4, 1], 2);
    expect(scalarMlpWorkload.check(await outputsOf(await tapegrad.scalarMlp!(input)), input, 'float32')).toBeNull();
  });

  it('a scalar chain has value x + length/2 and gradient 1', async () => {
    const input = { length: 1000, x: 0.5 };
    expect(scalarChainWorkload.check(await outputsOf(await tapegrad.scalarChain!(input)), input, 'float32')).toBeNull();
  });

  it('two conv layers have the reference loss and gradients (when tapegrad has conv2d)', async (context) => {
    const input = makeConvInput(2, 5, [1, 2, 3]);
    let prepared;
    try {
      prepared = await tapegrad.conv!(input);
    } catch (error) {
      context.skip(`tapegrad has no conv2d yet: ${(error as Error).message}`);
      return;
    }
    expect(convWorkload.check(await outputsOf(prepared), input, 'float32')).toBeNull();
  });
});
