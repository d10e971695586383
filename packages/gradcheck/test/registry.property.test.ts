/**
 * The gradient property suite: every op in the registry (primitives and composites), fed random
 * valid inputs from its own `sample`, must pass `gradcheck` in float64, and its float32 forward
 * must agree with its float64 forward. No hand-kept list: an op that is registered is tested.
 * PROPERTY_RUNS sets the runs per op (default 200).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listOps, type RegisteredOp, type Tensor } from '@tapegrad/tensor';
import { gradcheck } from '../src/index.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

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
