import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { add, isFloat, listOps, tensor, type RegisteredOp, type Tensor } from '@tapegrad/tensor';
import { explainBackward } from '@tapegrad/viz';

/**
 * Every registered op (primitives, and composites through the primitives they record) on the
 * inputs its own registry sample draws: the sample reaches each op's attributes, broadcasting,
 * size-1 and empty axes, int inputs (indices, labels) and ties where the op allows them.
 */
const OPS = listOps();

/** A non-trivial upstream gradient of `shape`, so that no rule is checked against ones only. */
function seedFor(y: Tensor): Tensor {
  return tensor(Array.from({ length: y.size }, (_, i) => Math.sin(i + 1)), { dtype: y.dtype }).reshape(y.shape);
}

/**
 * The sample's inputs as fresh leaves: float inputs require grad unless `constant` says so (a
 * constant input takes the rule's `needsGrad` path), int inputs never can; in `dtype` when given.
 */
function leaves(inputs: readonly Tensor[], constant: readonly boolean[], dtype: 'float32' | undefined): Tensor[] {
  return inputs.map((x, i) => {
    if (!isFloat(x.dtype)) return x;
    const leaf = (dtype === undefined ? x : x.astype(dtype)).detach();
    return constant[i % constant.length] ? leaf : leaf.requiresGrad_();
  });
}

/** Runs explainBackward and then backward from `y` with the same seed; every leaf's gradients must be equal to the bit. */
function expectSameAsBackward(y: Tensor, graphLeaves: readonly Tensor[]): void {
  const grad = seedFor(y);
  const explanation = explainBackward(y, { grad });
  y.backward(grad);
  for (const leaf of graphLeaves) {
    if (!leaf.requiresGrad) {
      expect(explanation.leafGrads.has(leaf)).toBe(false);
      continue;
    }
    const explained = explanation.leafGrads.get(leaf) ?? null;
    if (leaf.grad === null) expect(explained).toBeNull();
    else {
      expect(explained!.dtype).toBe(leaf.grad.dtype);
      expect(Array.from(explained!.buffer)).toEqual(Array.from(leaf.grad.buffer));
    }
  }
}

const sampleWithOptions = (op: RegisteredOp) =>
  fc.tuple(op.sample(fc), fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }), fc.constantFrom<'float32' | undefined>(undefined, 'float32'));

describe('explainBackward agrees with backward for every registered op', () => {
  for (const op of OPS) {
    test.prop([sampleWithOptions(op)], { numRuns: 30 })(`${op.name} (${op.kind})`, ([sample, constant, dtype]) => {
      const inputs = leaves(sample.inputs, constant, dtype);
      if (!inputs.some((x) => x.requiresGrad)) return; // nothing to backpropagate
      expectSameAsBackward(op.call(inputs, sample.attrs), inputs);
    });

    test.prop([sampleWithOptions(op)], { numRuns: 10 })(`${op.name} used twice on the same leaves (gradients summed at forks)`, ([sample, constant, dtype]) => {
      const inputs = leaves(sample.inputs, constant, dtype);
      if (!inputs.some((x) => x.requiresGrad)) return;
      expectSameAsBackward(add(op.call(inputs, sample.attrs), op.call(inputs, sample.attrs)), inputs);
    });
  }
});
