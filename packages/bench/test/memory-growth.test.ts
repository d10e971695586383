import { describe, expect, it } from 'vitest';
import { memoryGrowth } from '../src/soak/memory-growth.js';
import type { MemorySample } from '../src/soak/memory-sample.js';

const MB = 2 ** 20;

/** Samples every 500 steps whose heap and external memory follow the given functions of the step. */
function samples(steps: number, heap: (step: number) => number, external: (step: number) => number): MemorySample[] {
  return Array.from({ length: steps / 500 + 1 }, (_, i) => {
    const step = i * 500;
    return { step, heapUsed: heap(step), external: external(step), arrayBuffers: 0, rss: 0, threads: null };
  });
}

describe('memoryGrowth', () => {
  it('measures from the first sample after warm-up, so start-up growth does not count', () => {
    const growth = memoryGrowth(samples(10_000, (step) => (step < 1000 ? 5 * MB : 9 * MB), () => 100 * MB), 1000);
    expect(growth).toEqual([
      { counter: 'heapUsed', baseline: 9 * MB, peak: 9 * MB, growth: 0, bytesPerStep: 0 },
      { counter: 'external', baseline: 100 * MB, peak: 100 * MB, growth: 0, bytesPerStep: 0 },
    ]);
  });

  it('reports a steady leak as the growth of the highest sample over the baseline, and its bytes per step', () => {
    // 1 KB a step of external memory (a small tensor kept per step) over 9,000 steps.
    const growth = memoryGrowth(samples(10_000, () => 9 * MB, (step) => 8 * MB + step * 1024), 1000);
    expect(growth[1].baseline).toBe(8 * MB + 1000 * 1024);
    expect(growth[1].peak).toBe(8 * MB + 10_000 * 1024);
    expect(growth[1].growth).toBeCloseTo(9000 / (8 * 1024 + 1000), 10);
    expect(growth[1].bytesPerStep).toBeCloseTo(1024, 6);
    expect(growth[0].bytesPerStep).toBe(0);
  });

  it('counts a peak even when memory falls back by the last sample', () => {
    const growth = memoryGrowth(samples(3000, (step) => (step === 2000 ? 12 * MB : 10 * MB), () => MB), 1000);
    expect(growth[0].growth).toBeCloseTo(0.2, 10);
  });

  it('refuses samples that end before the warm-up is over', () => {
    expect(() => memoryGrowth(samples(1000, () => MB, () => MB), 1000)).toThrow(/need a sample at step 1000 or later and one after it; the last sample is at step 1000/);
  });
});
