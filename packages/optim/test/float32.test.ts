/**
 * float32 parameters: state is kept in the parameter's dtype, and each update (computed in
 * float64, rounded once when stored) stays within float32 precision of the same run in float64.
 */
import { describe, expect, it } from 'vitest';
import { type Dtype, Tensor, tensor } from '@tapegrad/tensor';
import { AdaGrad, Adam, AdamW, RMSProp, SGD } from '../src/index.js';

type Make = (p: Tensor) => { step(): void; readonly state: Map<Tensor, object> };

const makers: [string, Make][] = [
  ['SGD + Nesterov + weightDecay', (p) => new SGD([p], { lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.1 })],
  ['SGD + dampening', (p) => new SGD([p], { lr: 0.05, momentum: 0.9, dampening: 0.3 })],
  ['Adam + amsgrad + weightDecay', (p) => new Adam([p], { lr: 0.05, amsgrad: true, weightDecay: 0.1 })],
  ['AdamW', (p) => new AdamW([p], { lr: 0.05, weightDecay: 0.1 })],
  ['AdaGrad + lrDecay', (p) => new AdaGrad([p], { lr: 0.1, lrDecay: 0.01, initialAccumulatorValue: 0.1 })],
  ['RMSProp centered + momentum', (p) => new RMSProp([p], { lr: 0.01, centered: true, momentum: 0.5, weightDecay: 0.1 })],
];

// Values exactly representable in float32, so both runs see the same inputs.
const start = [0.5, -1.25, 2, 0.125];
const gradients = [[0.5, -1, 0.25, 2], [1, 1, -0.5, 0.75], [-2, 0.5, 0.125, -1], [0.25, -0.25, 1, 0.5]];

function run(make: Make, dtype: Dtype): { theta: Float32Array | Float64Array; state: object } {
  const p = tensor(start, { dtype, requiresGrad: true });
  const opt = make(p);
  for (const row of gradients) {
    p.grad = tensor(row, { dtype });
    opt.step();
  }
  return { theta: p.buffer as Float32Array | Float64Array, state: opt.state.get(p)! };
}

describe.each(makers)('%s on a float32 parameter', (_name, make) => {
  it('keeps every state tensor in float32 and stays within float32 precision of the float64 run', () => {
    const single = run(make, 'float32');
    const double = run(make, 'float64');
    expect(single.theta).toBeInstanceOf(Float32Array);
    for (const value of Object.values(single.state)) if (value instanceof Tensor) expect(value.dtype).toBe('float32');
    single.theta.forEach((value, i) => expect(Math.abs(value - double.theta[i])).toBeLessThan(1e-6 * (1 + Math.abs(double.theta[i]))));
  });
});
