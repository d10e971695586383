import { seededUniform } from '@tapegrad/tensor';

/**
 * The one seeded generator every library's inputs come from, so that tapegrad and its peers are
 * timed on identical numbers. Values are rounded to float32 (`Math.fround`) before they are
 * stored: a Float64Array and a Float32Array of the same draw then hold exactly the same numbers,
 * so float32 and float64 runs (and libraries that can only build float64 arrays by casting from
 * float32, like jax-js on Node 20) all start from the same inputs.
 */
export class SeededRandom {
  /** mulberry32, a small 32-bit generator that is the same on every machine. */
  readonly uniform: () => number;

  constructor(seed: number) {
    this.uniform = seededUniform(seed);
  }

  /** Standard normal by Box–Muller (1 − u keeps the logarithm's argument away from 0). */
  normal(): number {
    const u = 1 - this.uniform();
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** `size` float32-exact values from N(0, scale²), as float64. */
  normals(size: number, scale = 1): Float64Array {
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = Math.fround(this.normal() * scale);
    return out;
  }

  /** `size` float32-exact values uniform in [low, high), as float64. */
  uniforms(size: number, low = 0, high = 1): Float64Array {
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = Math.fround(low + (high - low) * this.uniform());
    return out;
  }

  /** `size` integers uniform in [0, high). */
  integers(size: number, high: number): Int32Array {
    const out = new Int32Array(size);
    for (let i = 0; i < size; i++) out[i] = Math.floor(this.uniform() * high);
    return out;
  }
}
