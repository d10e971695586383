/** Models, a stand-in optimizer and comparisons shared by the checkpoint tests. */
import { manualSeed, randn, type Tensor, tensor } from '@tapegrad/tensor';
import { BatchNorm1d, Linear, ReLU, Sequential } from '../src/index.js';
import type { CheckpointOptimizer, OptimizerStateDict } from '../src/index.js';

/** `Linear(4,3) → BatchNorm1d(3) → ReLU → Linear(3,2)`, seeded: parameters, buffers and an int32 counter. */
export function makeModel(seed: number, hidden = 3): Sequential {
  manualSeed(seed);
  return new Sequential(new Linear(4, hidden), new BatchNorm1d(hidden), new ReLU(), new Linear(hidden, 2));
}

/** Every tensor's name, dtype, shape and raw bytes: equal exactly when two states are bit-identical. */
export function fingerprint(dict: Readonly<Record<string, Tensor>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(dict).map(([name, x]) => [name, `${x.dtype} [${x.shape.join(',')}] ${Array.from(new Uint8Array(x.buffer.buffer, x.buffer.byteOffset, x.buffer.byteLength)).join(' ')}`]),
  );
}

/** A model's state after one training-mode forward pass, so BatchNorm's running statistics are not at their defaults. */
export function trainedModel(seed: number): Sequential {
  const model = makeModel(seed);
  model.forward(randn([8, 4]));
  return model;
}

/**
 * An optimizer-shaped object with Adam-like state, standing in for `@tapegrad/optim` (which `nn`
 * does not depend on): `stateDict` returns its state and `loadStateDict` replaces it.
 */
export class FakeOptimizer implements CheckpointOptimizer {
  dict: OptimizerStateDict;
  loads = 0;

  constructor(seed: number) {
    manualSeed(seed);
    this.dict = {
      state: {
        '0': { step: 3 + seed, expAvg: randn([3, 4]), expAvgSq: randn([3, 4]).abs() },
        '1': { step: 3 + seed, expAvg: randn([3]), expAvgSq: tensor(new Float32Array([NaN, -0, Infinity])) },
      },
      paramGroups: [
        { lr: 1e-3 * (seed + 1), betas: [0.9, 0.999], eps: 1e-8, amsgrad: false, name: 'body', maxNorm: Infinity, minLr: -0, params: [0, 1] },
        { lr: 0.1, betas: [0.5, 0.5], eps: 1e-6, amsgrad: true, name: 'head', maxNorm: NaN, minLr: 0, params: [2, 3] },
      ],
    };
  }

  stateDict(): OptimizerStateDict {
    return this.dict;
  }

  loadStateDict(dict: OptimizerStateDict): void {
    this.loads++;
    this.dict = dict;
  }
}

/** The optimizer state with tensors replaced by their fingerprints, for `toEqual` (which treats NaN as equal to NaN). */
export function optimizerFingerprint(dict: OptimizerStateDict): unknown {
  const state = Object.fromEntries(
    Object.entries(dict.state).map(([index, fields]) => [
      index,
      Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, typeof value === 'number' ? value : fingerprint({ value }).value])),
    ]),
  );
  return { state, paramGroups: dict.paramGroups };
}
