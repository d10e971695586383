/**
 * The gradient property suite: every op in the registry (primitives and composites), fed random
 * valid inputs from its own `sample`, must pass `gradcheck` in float64, and its float32 forward
 * must agree with its float64 forward. No hand-kept list: an op that is registered is tested.
 * PROPERTY_RUNS sets the runs per op (default 500; the second-order and float32 checks run a quarter as many).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listOps, manualSeed, randn, type RegisteredOp, type Tensor, vjp } from '@tapegrad/tensor';
import { gradcheck } from '../src/index.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 500);

/** A readable account of one call, for failure messages. */
function describeCall(op: RegisteredOp, inputs: readonly Tensor[], attrs: unknown): string {
  const args = inputs.map((x, i) => `  input ${i}: ${x.toString()}`).join('\n');
  return `${op.name}(attrs ${JSON.stringify(attrs)})\n${args}`;
}

function float32Copy(x: Tensor): Tensor {
  return x.dtype === 'float64' ? x.astype('float32') : x;
}

const ops = listOps();

describe('every registered op', () => {
  it('has a sample, so none escapes this suite', () => {
    expect(ops.length).toBeGreaterThan(40);
    for (const op of ops) expect(typeof op.sample).toBe('function');
  });
});

describe.each(ops.map((op) => [op.name, op] as const))('%s', (_name, op) => {
  it('has an analytic gradient equal to centered differences in float64', () => {
    fc.assert(
      fc.property(op.sample(fc), ({ inputs, attrs }) => {
        const report = gradcheck((...xs: Tensor[]) => op.call(xs, attrs), inputs, {
          atol: op.check?.atol,
          rtol: op.check?.rtol,
        });
        if (!report.ok) throw new Error(`${describeCall(op, inputs, attrs)}\n${report.toString()}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('has a backward that is itself differentiable (second-order gradcheck through createGraph)', () => {
    fc.assert(
      fc.property(op.sample(fc), fc.integer({ min: 0, max: 1000 }), ({ inputs, attrs }, seed) => {
        // Differentiable inputs are the float ones; int32 inputs (indices, masks) stay constants.
        const positions = inputs.flatMap((x, i) => (x.dtype === 'int32' ? [] : [i]));
        const call = (floats: Tensor[]) => op.call(inputs.map((x, i) => (positions.includes(i) ? floats[positions.indexOf(i)] : x)), attrs);
        const out = call(positions.map((i) => inputs[i]));
        manualSeed(seed); // v and the weights come from fast-check's seed, so a failure replays
        const v = randn(out.shape);
        const weights = positions.map((i) => randn(inputs[i].shape));
        // h(x) = Σ_i ⟨w_i, ∂⟨v, f(x)⟩/∂x_i⟩: its gradient needs the backward rules' own derivatives.
        const h = (...floats: Tensor[]) =>
          vjp((...xs: Tensor[]) => call(xs), floats, v).grads.reduce((total, g, k) => total.add(g.mul(weights[k]).sum()), v.sum().mul(0));
        const report = gradcheck(h, positions.map((i) => inputs[i]), { atol: 1e-4, rtol: 1e-2 });
        if (!report.ok) throw new Error(`${describeCall(op, inputs, attrs)}\n${report.toString()}`);
      }),
      { numRuns: Math.max(10, Math.round(RUNS / 4)) },
    );
  });

  it('computes in float32 what it computes in float64, to float32 precision', () => {
    const rtol = op.check?.float32Rtol ?? 1e-4;
    fc.assert(
      fc.property(op.sample(fc), ({ inputs, attrs }) => {
        const exact = op.call(inputs, attrs);
        const single = op.call(inputs.map(float32Copy), attrs);
        expect(single.shape).toEqual(exact.shape);
        // An op that sets its own output dtype (astype) keeps it; every other float op stays in float32.
        const fixedDtype = (attrs as { dtype?: string } | undefined)?.dtype;
        if (exact.dtype !== 'int32') expect(single.dtype).toBe(fixedDtype ?? 'float32');
        const scale = Math.max(1, ...Array.from(exact.buffer, Math.abs));
        exact.buffer.forEach((v, i) => {
          const error = Math.abs(single.buffer[i] - v);
          if (!(error <= rtol * scale)) {
            throw new Error(`${describeCall(op, inputs, attrs)}\nentry ${i}: float64 ${v}, float32 ${single.buffer[i]} (error ${error} > ${rtol}·${scale})`);
          }
        });
      }),
      { numRuns: Math.max(10, Math.round(RUNS / 4)) },
    );
  });
});
