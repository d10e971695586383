import { describe, expect, it } from 'vitest';
import type { FloatArray } from '../src/dtype.js';
import type { Library, MatmulInput, Prepared } from '../src/library.js';
import { referenceMatmul } from '../src/reference/matmul.js';
import { runCase, type CaseOptions } from '../src/run-case.js';
import { Unsupported } from '../src/unsupported.js';
import { matmulWorkload } from '../src/workloads/matmul.js';

const OPTIONS: CaseOptions = { budgetMs: 20, warmup: 1, minRepetitions: 3, maxRepetitions: 5, stepLimitMs: 5_000 };
const smallCase = {
  id: 'N=4 float64',
  dtype: 'float64' as const,
  makeInput: (): MatmulInput => ({ n: 4, dtype: 'float64', a: Float64Array.from({ length: 16 }, (_, i) => i), b: Float64Array.from({ length: 16 }, (_, i) => 1 / (i + 1)) }),
};

/** A library whose matmul counts its steps and can be told to get one entry wrong. */
function countingLibrary(name: string, corrupt: boolean) {
  const counter = { steps: 0 };
  const library: Library = {
    name,
    matmul({ n, a, b }: MatmulInput): Prepared<FloatArray> {
      let out: Float64Array = new Float64Array(0);
      return {
        step() {
          counter.steps++;
          out = referenceMatmul(a, b, n, n, n);
          if (corrupt) out[5] += 1;
        },
        read: () => out,
      };
    },
  };
  return { library, counter };
}

describe('runCase', () => {
  it('reports a wrong answer as WRONG with the error, and never times it', async () => {
    const { library, counter } = countingLibrary('wrong-lib', true);
    const result = await runCase(matmulWorkload as never, library, smallCase, OPTIONS);
    expect(result.status).toBe('wrong');
    expect(result.message).toMatch(/C: max relative error .* at index 5/);
    expect(result.figure).toBeUndefined();
    expect(result.samplesMs).toBeUndefined();
    expect(counter.steps).toBe(1); // the checked step only
  });

  it('times a right answer after checking it: warm-up plus repetitions, and a figure', async () => {
    const { library, counter } = countingLibrary('right-lib', false);
    const result = await runCase(matmulWorkload as never, library, smallCase, OPTIONS);
    expect(result.status).toBe('ok');
    expect(result.samplesMs!.length).toBeGreaterThanOrEqual(3);
    // One checked step, then the warm-up (at least OPTIONS.warmup; up to 200 for a fast step), then the samples.
    const warmup = counter.steps - 1 - result.samplesMs!.length;
    expect(warmup).toBeGreaterThanOrEqual(OPTIONS.warmup);
    expect(warmup).toBeLessThanOrEqual(200);
    expect(result.figure).toBeGreaterThan(0);
    expect(result.unit).toBe('GFLOP/s');
  });

  it('says "not available" when a library lacks the workload, and passes Unsupported reasons through', async () => {
    expect((await runCase(matmulWorkload as never, { name: 'empty' }, smallCase, OPTIONS)).message).toMatch(/^not available/);
    const noFloat64: Library = {
      name: 'f32-only',
      matmul: () => {
        throw new Unsupported('no float64', 'float32 only');
      },
    };
    const result = await runCase(matmulWorkload as never, noFloat64, smallCase, OPTIONS);
    expect(result).toMatchObject({ status: 'unsupported', message: 'no float64: float32 only' });
  });

  it('reports a peer that overflows the stack as not measurable, and tapegrad doing so as a failure', async () => {
    const overflowing = (name: string): Library => ({
      name,
      matmul: () => ({
        step() {
          const recurse = (depth: number): number => recurse(depth + 1) + 1;
          recurse(0);
        },
        read: () => new Float64Array(0),
      }),
    });
    const peer = await runCase(matmulWorkload as never, overflowing('some-peer'), smallCase, OPTIONS);
    expect(peer.status).toBe('unsupported');
    expect(peer.message).toMatch(/^not measurable: RangeError/);
    const ours = await runCase(matmulWorkload as never, overflowing('tapegrad'), smallCase, OPTIONS);
    expect(ours.status).toBe('failed');
  });
});
