/**
 * The one seeded random generator behind `rand`, `randn`, `randint`, dropout and the
 * initialisers. It is xoshiro128** (32-bit integer arithmetic only, so the same seed gives the
 * same uniform numbers on every machine) seeded through splitmix32.
 * @module
 */

const state = new Uint32Array(4);
/** The second normal of the last polar-method pair, handed out on the next call. */
let spareNormal: number | null = null;

function splitmix32(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Seeds the generator. Every random creation function and initialiser draws from it, so one
 * `manualSeed(n)` at the top of a script makes the whole run reproducible.
 */
export function manualSeed(seed: number): void {
  if (!Number.isSafeInteger(seed)) throw new Error(`manualSeed: seed must be an integer (|seed| < 2^53), got ${seed}`);
  // Both halves of a seed beyond 32 bits count, so manualSeed(2**32) differs from manualSeed(0).
  const high = Math.floor(seed / 2 ** 32);
  const next = splitmix32((seed >>> 0) ^ Math.imul(high, 0x9e3779b9));
  for (let i = 0; i < 4; i++) state[i] = next();
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  spareNormal = null;
}

manualSeed(0);

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Next 32 random bits as an unsigned integer. */
function nextUint32(): number {
  const result = Math.imul(rotl(Math.imul(state[1], 5) >>> 0, 7), 9) >>> 0;
  const t = (state[1] << 9) >>> 0;
  state[2] ^= state[0];
  state[3] ^= state[1];
  state[1] ^= state[2];
  state[0] ^= state[3];
  state[2] ^= t;
  state[3] = rotl(state[3], 11);
  return result;
}

/** A uniform number in [0, 1) with 53 random bits. */
export function nextUniform(): number {
  const high = nextUint32() >>> 5; // 27 bits
  const low = nextUint32() >>> 6; // 26 bits
  return (high * 67108864 + low) / 9007199254740992;
}

/**
 * A standard normal number, by Marsaglia's polar method (no trigonometry, so it depends only on
 * `Math.log` and `Math.sqrt`).
 */
export function nextNormal(): number {
  if (spareNormal !== null) {
    const value = spareNormal;
    spareNormal = null;
    return value;
  }
  let u: number, v: number, s: number;
  do {
    u = 2 * nextUniform() - 1;
    v = 2 * nextUniform() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s === 0);
  const factor = Math.sqrt((-2 * Math.log(s)) / s);
  spareNormal = v * factor;
  return u * factor;
}

/** A uniform integer in [low, high). */
export function nextInt(low: number, high: number): number {
  return low + Math.floor(nextUniform() * (high - low));
}
