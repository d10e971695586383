import { describe, expect, it } from 'vitest';
import { manualSeed, randn, seededUniform } from '@tapegrad/tensor';

const draw = (uniform: () => number, n: number): number[] => Array.from({ length: n }, uniform);

describe('seededUniform', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draw(seededUniform(7), 5)).toEqual(draw(seededUniform(7), 5));
    expect(draw(seededUniform(7), 5)).not.toEqual(draw(seededUniform(8), 5));
    expect(draw(seededUniform(0), 5)).not.toEqual(draw(seededUniform(2 ** 32), 5));
  });

  it('stays in [0, 1) with a mean near ½', () => {
    const values = draw(seededUniform(1), 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((sum, v) => sum + v, 0) / values.length).toBeCloseTo(0.5, 1);
  });

  it('neither moves nor follows the global generator', () => {
    manualSeed(3);
    const expected = randn([4]).toArray();
    manualSeed(3);
    const stream = seededUniform(3);
    draw(stream, 10);
    expect(randn([4]).toArray()).toEqual(expected);
    manualSeed(99);
    expect(draw(seededUniform(3), 3)).toEqual(draw(seededUniform(3), 3));
  });

  it('refuses a seed that is not a safe integer', () => {
    expect(() => seededUniform(0.5)).toThrow('seededUniform: seed must be an integer (|seed| < 2^53), got 0.5');
  });
});
