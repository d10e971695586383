/**
 * Emits the WebAssembly packing function for one element size and panel width: it copies an
 * operand, already copied raw into the kernel memory, into the panel layout the GEMM micro-kernel
 * reads (see `pack.ts`). Packing in WebAssembly rather than JavaScript lets every thread pack a
 * share of the panels (a helper thread cannot read the caller's JavaScript arrays, only the
 * shared memory), and it is faster per element: a JavaScript loop over a Float32Array|Float64Array
 * union took ≈ 1 ns per element, which on one thread was ≈ 10 % of a 512³ product.
 *
 * Exported signature, all i32 (addresses and strides in bytes, panel range half-open):
 * `(source, depthStride, indexStride, count, depth, destination, panelStart, panelEnd) → ()`.
 * Element `(depth p, index i)` is read at `source + p·depthStride + i·indexStride`; panel `t` is
 * written at `destination + t·depth·width·E` as `depth` steps of `width` values, zero past `count`.
 * @module
 */
import { ValueType, type FunctionDefinition, type ValueTypeCode } from './encoder.js';
import { CodeWriter } from './instructions.js';

// Parameter and local indices of the emitted function.
const SOURCE = 0, DEPTH_STRIDE = 1, INDEX_STRIDE = 2, COUNT = 3, DEPTH = 4, DESTINATION = 5, PANEL_START = 6, PANEL_END = 7;
const PANEL = 8, FROM = 9, TO = 10, STEPS = 11, VALID = 12, LANE = 13, FIRST_OFFSET_LOCAL = 14;
const PARAM_COUNT = 8;

/** Export name of the packing function for `elementBytes`-byte elements in panels of `width`. */
export function packKernelName(elementBytes: 4 | 8, width: number): string {
  return `pack${elementBytes === 4 ? 'F32' : 'F64'}x${width}`;
}

/** The packing function for `elementBytes`-byte elements in panels of `width`, ready for `encodeModule`. */
export function emitPackKernel(elementBytes: 4 | 8, width: number): FunctionDefinition {
  const E = elementBytes;
  const panelStepBytes = width * E;
  if (panelStepBytes % 16 !== 0) throw new Error(`emitPackKernel: a step of ${width} × ${E} bytes is not whole vectors`);
  // Elements are copied as raw bits (i32 or i64): packing never does arithmetic.
  const load = (code: CodeWriter) => (E === 4 ? code.i32Load(0) : code.i64Load(0));
  const store = (code: CodeWriter, offset: number) => (E === 4 ? code.i32Store(offset) : code.i64Store(offset));
  const zero = (code: CodeWriter) => (E === 4 ? code.i32(0) : code.i64(0));
  const laneOffset = (w: number) => FIRST_OFFSET_LOCAL + w - 1; // local holding w·indexStride, w ≥ 1

  const code = new CodeWriter();
  for (let w = 1; w < width; w++) code.get(INDEX_STRIDE).i32(w).mul().set(laneOffset(w));
  /** One depth step done: advance both pointers, loop while steps remain. */
  const nextStep = () => {
    code.get(FROM).get(DEPTH_STRIDE).add().set(FROM);
    code.get(TO).i32(panelStepBytes).add().set(TO);
    code.get(STEPS).i32(1).sub().tee(STEPS).brIf(0);
  };
  code.forRange(PANEL, () => code.get(PANEL_START), () => code.get(PANEL_END), 1, () => {
    code.get(DESTINATION).get(PANEL).get(DEPTH).mul().i32(panelStepBytes).mul().add().set(TO);
    code.get(SOURCE).get(PANEL).i32(width).mul().get(INDEX_STRIDE).mul().add().set(FROM);
    code.get(DEPTH).set(STEPS);
    code.get(COUNT).get(PANEL).i32(width).mul().sub().set(VALID);
    code.get(VALID).i32(width).lessThan().ifElse(
      () => {
        // The last panel, partly past `count`: copy the valid lanes, zero the rest.
        code.loop(() => {
          code.forRange(LANE, () => code.i32(0), () => code.get(VALID), 1, () => {
            code.get(TO).get(LANE).i32(E).mul().add();
            load(code.get(FROM).get(LANE).get(INDEX_STRIDE).mul().add());
            store(code, 0);
          });
          code.forRange(LANE, () => code.get(VALID), () => code.i32(width), 1, () => {
            zero(code.get(TO).get(LANE).i32(E).mul().add());
            store(code, 0);
          });
          nextStep();
        });
      },
      () => {
        code.get(INDEX_STRIDE).i32(E).equal().ifElse(
          () => {
            // Indices contiguous (op(B) stored [k, n], op(A) stored transposed): a step is whole vectors.
            code.loop(() => {
              for (let v = 0; v < panelStepBytes / 16; v++) code.get(TO).get(FROM).v128Load(v * 16).v128Store(v * 16);
              nextStep();
            });
          },
          () => {
            // Depth contiguous (op(A) stored [m, k], op(B) stored transposed): gather one value per lane.
            code.loop(() => {
              for (let w = 0; w < width; w++) {
                code.get(TO);
                code.get(FROM);
                if (w > 0) code.get(laneOffset(w)).add();
                load(code);
                store(code, w * E);
              }
              nextStep();
            });
          },
        );
      },
    );
  });

  const locals = new Array<ValueTypeCode>(FIRST_OFFSET_LOCAL - PARAM_COUNT + width - 1).fill(ValueType.i32);
  return { name: packKernelName(E, width), params: new Array<ValueTypeCode>(PARAM_COUNT).fill(ValueType.i32), locals, body: code.bytes };
}
