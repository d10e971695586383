import { describe, expect, it } from 'vitest';
import { nextRequest } from '../src/node/kernel-control.js';

describe('worker pool request numbers', () => {
  it('stay positive int32 values, distinct from their negation, after 2³¹ − 1 products', () => {
    expect(nextRequest(0)).toBe(1);
    expect(nextRequest(41)).toBe(42);
    const last = nextRequest(0x7fffffff - 1);
    expect(last).toBe(0x7fffffff);
    expect(nextRequest(last)).toBe(1);
    // What the control words would hold: r and −r must differ, and neither may be 0.
    const words = new Int32Array(2);
    words[0] = last;
    words[1] = -last;
    expect(words[0]).not.toBe(words[1]);
  });
});
