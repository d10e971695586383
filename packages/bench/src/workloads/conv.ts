/** Workload 5: two 3×3 conv layers (1→16→32 channels, ReLU between) on 32×1×28×28, forward + backward, in ms. */
import { compareArrays, compareNumbers, firstFailure, TOLERANCE } from '../check.js';
import type { ConvInput, ConvOutput } from '../library.js';
import { referenceConv } from '../reference/conv.js';
import { SeededRandom } from '../seeded-random.js';
import type { Workload } from '../workload.js';

export function makeConvInput(batch = 32, size = 28, channels: [number, number, number] = [1, 16, 32]): ConvInput {
  const random = new SeededRandom(5000);
  const [c0, c1, c2] = channels;
  const f32 = (values: Float64Array) => Float32Array.from(values);
  return {
    batch,
    height: size,
    width: size,
    channels,
    x: f32(random.uniforms(batch * c0 * size * size)),
    w1: f32(random.normals(c1 * c0 * 9, Math.sqrt(2 / (c0 * 9)))),
    b1: f32(random.normals(c1, 0.1)),
    w2: f32(random.normals(c2 * c1 * 9, Math.sqrt(2 / (c1 * 9)))),
    b2: f32(random.normals(c2, 0.1)),
    g: f32(random.normals(batch * c2 * size * size)),
  };
}

export const convWorkload: Workload<ConvInput, ConvOutput> = {
  id: 'conv',
  title: 'conv2d: 2 layers 3×3 pad 1 (1→16→32 ch, ReLU), batch 32, 28×28, forward + backward',
  unit: 'ms',
  higherIsBetter: false,
  cases: () => [{ id: 'batch 32 float32', dtype: 'float32', makeInput: () => makeConvInput() }],
  prepare: (library, input) => library.conv?.(input),
  check([out], input, dtype) {
    const expected = referenceConv(input);
    const tolerance = TOLERANCE[dtype];
    return firstFailure(
      compareNumbers('loss', out.loss, expected.loss, tolerance),
      compareArrays('dW1', out.gradW1, expected.gradW1, tolerance),
      compareArrays('db1', out.gradB1, expected.gradB1, tolerance),
      compareArrays('dW2', out.gradW2, expected.gradW2, tolerance),
      compareArrays('db2', out.gradB2, expected.gradB2, tolerance),
    );
  },
  figure: (medianMs) => medianMs,
};
