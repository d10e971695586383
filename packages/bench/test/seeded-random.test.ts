import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../src/seeded-random.js';
import { makeMlpInput } from '../src/workloads/mlp.js';

describe('SeededRandom', () => {
  it('gives the same numbers for the same seed, and float32-exact values', () => {
    const [a, b] = [new SeededRandom(42).normals(100), new SeededRandom(42).normals(100)];
    expect(a).toEqual(b);
    expect(Array.from(a).every((v) => Math.fround(v) === v)).toBe(true);
    expect(new SeededRandom(43).normals(100)).not.toEqual(a);
  });

  it('makes the same inputs in float32 and float64', () => {
    const [f32, f64] = [makeMlpInput(4, 'float32', { features: 3, hidden: 2, classes: 2 }), makeMlpInput(4, 'float64', { features: 3, hidden: 2, classes: 2 })];
    expect(Array.from(f32.w1)).toEqual(Array.from(f64.w1));
    expect(f32.labels).toEqual(f64.labels);
  });
});
