import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnStrides, rowStrides, type OperandStrides } from '../src/kernels/wasm/pack.js';
import { kernelRuntime } from '../src/kernels/wasm/runtime.js';

/** The panel layout `pack-kernel.ts` must produce, written out plainly. */
function packedByHand(stored: ArrayLike<number>, { depthStride, indexStride }: OperandStrides, count: number, depth: number, width: number): number[] {
  const panels = Math.ceil(count / width);
  const packed: number[] = [];
  for (let t = 0; t < panels; t++) {
    for (let p = 0; p < depth; p++) {
      for (let w = 0; w < width; w++) {
        const i = t * width + w;
        packed.push(i < count ? stored[p * depthStride + i * indexStride] : 0);
      }
    }
  }
  return packed;
}

const runtime = kernelRuntime()!;
const DTYPES = [
  { name: 'float32', Array: Float32Array, kernel: runtime.float32 },
  { name: 'float64', Array: Float64Array, kernel: runtime.float64 },
] as const;

describe.each(DTYPES)('the WebAssembly packing, $name', ({ Array, kernel }) => {
  const E = kernel.shape.elementBytes;
  const sides = [
    { side: 'rows of op(A)', width: kernel.shape.rows, pack: kernel.packRows.run, strides: rowStrides },
    { side: 'columns of op(B)', width: kernel.shape.cols, pack: kernel.packCols.run, strides: columnStrides },
  ];

  it.each(sides)('lays out $side in zero-padded panels, for either stored layout, any size and any panel range', ({ width, pack, strides }) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 7 }),
        (count, depth, transposed, from, to, misalign) => {
          const panels = Math.ceil(count / width);
          const [first, last] = [from % (panels + 1), to % (panels + 1)].sort((x, y) => x - y);
          // Source at an address not aligned to a vector, as an odd-sized earlier region leaves it.
          const source = 1024 + misalign * E;
          const destination = 1024 + 64 * 1024;
          const memory = new Array(runtime.memory.buffer as ArrayBuffer);
          const stored = new Array(count * depth).map((_, i) => i + 1);
          memory.set(stored, source / E);
          const garbage = -7;
          memory.fill(garbage, destination / E, destination / E + panels * depth * width + width);
          const s = strides(transposed, count, depth);
          pack(source, s.depthStride * E, s.indexStride * E, count, depth, destination, first, last);
          const expected = packedByHand(stored, s, count, depth, width);
          const written = [...memory.subarray(destination / E, destination / E + panels * depth * width)];
          for (let t = 0; t < panels; t++) {
            const panel = written.slice(t * depth * width, (t + 1) * depth * width);
            const wanted = t >= first && t < last ? expected.slice(t * depth * width, (t + 1) * depth * width) : new globalThis.Array(depth * width).fill(garbage);
            expect(panel).toEqual(wanted);
          }
          expect(memory[destination / E + panels * depth * width]).toBe(garbage); // nothing past the last panel
        },
      ),
      { numRuns: 120 },
    );
  });

  it('copies raw bits: NaN payloads, −0 and infinities arrive unchanged', () => {
    const values = new Array([Number.NaN, -0, Infinity, -Infinity, Number.MIN_VALUE, -1.5, 3, 4]);
    const memory = new Array(runtime.memory.buffer as ArrayBuffer);
    memory.set(values, 2048 / E);
    kernel.packRows.run(2048, E, 2 * E, 4, 2, 4096, 0, 1); // stored [4 rows, 2 depth]: gather path
    const packed = memory.subarray(4096 / E, 4096 / E + 8);
    expect(Object.is(packed[4], -0)).toBe(true);
    expect([...packed].map(String)).toEqual(['NaN', 'Infinity', '5e-324', '3', '0', '-Infinity', '-1.5', '4'].map((v) => (E === 4 && v === '5e-324' ? '0' : v)));
  });
});
