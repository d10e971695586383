import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gemmWasm } from '../src/kernels/wasm/gemm-wasm.js';
import { kernelRuntime } from '../src/kernels/wasm/runtime.js';
import { expectCloseToReference, FLOAT_TYPES, gemmCase } from './gemm-operands.js';

const ODD_SIZES = [1, 7, 33, 257];

describe('the WebAssembly SIMD GEMM kernel', () => {
  it('compiles here (Node 20 validates SIMD and shared memory)', () => {
    const runtime = kernelRuntime();
    expect(runtime).not.toBeNull();
    expect(runtime!.shared).toBe(true);
  });

  describe.each(FLOAT_TYPES)('$name', ({ Array, unitRoundoff }) => {
    it('agrees with the reference kernel over odd sizes and every transpose combination', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...ODD_SIZES), fc.constantFrom(...ODD_SIZES), fc.constantFrom(...ODD_SIZES),
          fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 1000 }),
          (m, n, k, transA, transB, seed) => {
            const product = gemmCase(Array, m, n, k, transA, transB, seed);
            const out = new Array(2 + m * n).fill(Number.NaN);
            expect(gemmWasm(product.a, product.b, out, 2, m, n, k, 1)).toBe(1);
            expectCloseToReference(out.subarray(2), product, unitRoundoff);
            expect(Number.isNaN(out[0]) && Number.isNaN(out[1])).toBe(true); // nothing before outOffset written
          },
        ),
        { numRuns: 80 },
      );
    });

    it('agrees with the reference kernel on random small shapes (every tile remainder)', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 19 }), fc.integer({ min: 1, max: 19 }), fc.integer({ min: 1, max: 300 }),
          fc.boolean(), fc.boolean(),
          (m, n, k, transA, transB) => {
            const product = gemmCase(Array, m, n, k, transA, transB);
            const out = new Array(m * n);
            gemmWasm(product.a, product.b, out, 0, m, n, k, 1);
            expectCloseToReference(out, product, unitRoundoff);
          },
        ),
        { numRuns: 150 },
      );
    });

    it('writes zeros for an empty contraction (k = 0)', () => {
      const product = gemmCase(Array, 3, 5, 0, false, false);
      const out = new Array(15).fill(7);
      expect(gemmWasm(product.a, product.b, out, 0, 3, 5, 0, 1)).toBe(1);
      expect([...out]).toEqual(new globalThis.Array(15).fill(0));
    });
  });

  it('declines int32 and mixed dtypes, leaving them to the reference kernel', () => {
    const ints = { data: new Int32Array(4), offset: 0, transposed: false };
    expect(gemmWasm(ints, ints, new Float32Array(4), 0, 2, 2, 2, 1)).toBe(0);
    const floats = { data: new Float64Array(4), offset: 0, transposed: false };
    expect(gemmWasm(floats, floats, new Float32Array(4), 0, 2, 2, 2, 1)).toBe(0);
  });
});
