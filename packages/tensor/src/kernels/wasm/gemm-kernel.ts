/**
 * Emits the WebAssembly SIMD GEMM kernel for one dtype: a register-tiled micro-kernel wrapped in
 * the cache-blocking loops, all in one exported function so that a call covers a whole range of
 * output tiles (one call per thread per product, no JS in the hot loops).
 *
 * Operands arrive packed (see `pack.ts`): `op(A)` as panels of `rows` rows, each `k × rows`
 * (depth-major), and `op(B)` as panels of `cols` columns, each `k × cols`; panels are padded with
 * zeros to whole tiles, and C is a padded row-major block. So the kernel has no edge cases and
 * every load is a contiguous vector or a one-lane splat.
 *
 * Exported signature, all i32 (addresses and `ldc` in bytes, tile ranges half-open):
 * `(aPack, bPack, c, rowTileStart, rowTileEnd, colTileStart, colTileEnd, k, ldc) → ()`.
 * @module
 */
import { CodeWriter, SimdOp } from './instructions.js';
import { ValueType, type FunctionDefinition, type ValueTypeCode } from './encoder.js';

/** The tile and block sizes of one kernel, and the instructions that differ by dtype. */
export interface KernelShape {
  /** Export name. */
  readonly name: string;
  /** Bytes per element: 4 (f32) or 8 (f64). */
  readonly elementBytes: 4 | 8;
  /** Rows of C per micro-tile (MR): each is one splat per depth step. */
  readonly rows: number;
  /** Columns of C per micro-tile (NR), a multiple of the lanes per vector. */
  readonly cols: number;
  /** Depth per pass (KC): a `KC × NR` panel of B stays in L1 while the A block streams past. */
  readonly depthBlock: number;
  /** Row tiles per block (MC / MR): an `MC × KC` block of A stays in L2 across all of B's panels. */
  readonly rowBlockTiles: number;
  /** Use relaxed-SIMD multiply-add (only when the engine validates it). */
  readonly fused: boolean;
}

// Parameter and local indices of the emitted function.
const A_PACK = 0, B_PACK = 1, C = 2, ROW_START = 3, ROW_END = 4, COL_START = 5, COL_END = 6, K = 7, LDC = 8;
const DEPTH = 9, DEPTH_COUNT = 10, ROW_BLOCK = 11, ROW_BLOCK_END = 12, COL_TILE = 13, ROW_TILE = 14;
const A_PTR = 15, B_PTR = 16, C_PTR = 17, STEPS = 18, A_PANEL_BYTES = 19, B_PANEL_BYTES = 20, C_ROW = 21;
const FIRST_VECTOR_LOCAL = 22;
const PARAM_COUNT = 9;

/** The kernel function for `shape`, ready for `encodeModule`. */
export function emitGemmKernel(shape: KernelShape): FunctionDefinition {
  const { elementBytes: E, rows: MR, cols: NR, depthBlock: KC, rowBlockTiles: MCT } = shape;
  const lanes = 16 / E;
  const vectorsPerRow = NR / lanes;
  if (!Number.isInteger(vectorsPerRow)) throw new Error(`emitGemmKernel: cols ${NR} is not a multiple of ${lanes} lanes`);
  const splat = (code: CodeWriter, offset: number) => (E === 4 ? code.load32Splat(offset) : code.load64Splat(offset));
  const vAdd = E === 4 ? SimdOp.f32x4Add : SimdOp.f64x2Add;
  const vMul = E === 4 ? SimdOp.f32x4Mul : SimdOp.f64x2Mul;
  const vMadd = E === 4 ? SimdOp.f32x4RelaxedMadd : SimdOp.f64x2RelaxedMadd;

  const accumulator = (r: number, v: number) => FIRST_VECTOR_LOCAL + r * vectorsPerRow + v;
  const bVector = (v: number) => FIRST_VECTOR_LOCAL + MR * vectorsPerRow + v;
  const aSplat = FIRST_VECTOR_LOCAL + MR * vectorsPerRow + vectorsPerRow;
  const vectorLocals = MR * vectorsPerRow + vectorsPerRow + 1;

  const code = new CodeWriter();
  code.get(K).i32(MR * E).mul().set(A_PANEL_BYTES);
  code.get(K).i32(NR * E).mul().set(B_PANEL_BYTES);
  code.forRange(DEPTH, () => code.i32(0), () => code.get(K), KC, () => {
    // kc = min(KC, k − depth)
    code.i32(KC).get(K).get(DEPTH).sub().i32(KC).get(K).get(DEPTH).sub().lessThan().select().set(DEPTH_COUNT);
    code.forRange(ROW_BLOCK, () => code.get(ROW_START), () => code.get(ROW_END), MCT, () => {
      // rowBlockEnd = min(rowBlock + MCT, rowEnd)
      code.get(ROW_BLOCK).i32(MCT).add().get(ROW_END).get(ROW_BLOCK).i32(MCT).add().get(ROW_END).lessThan().select().set(ROW_BLOCK_END);
      code.forRange(COL_TILE, () => code.get(COL_START), () => code.get(COL_END), 1, () => {
        code.forRange(ROW_TILE, () => code.get(ROW_BLOCK), () => code.get(ROW_BLOCK_END), 1, () => {
          code.get(A_PACK).get(ROW_TILE).get(A_PANEL_BYTES).mul().add().get(DEPTH).i32(MR * E).mul().add().set(A_PTR);
          code.get(B_PACK).get(COL_TILE).get(B_PANEL_BYTES).mul().add().get(DEPTH).i32(NR * E).mul().add().set(B_PTR);
          code.get(C).get(ROW_TILE).i32(MR).mul().get(LDC).mul().add().get(COL_TILE).i32(NR * E).mul().add().set(C_PTR);
          emitAccumulatorStart(code, MR, vectorsPerRow, accumulator);
          // The micro-kernel: per depth step, NR/lanes vectors of B and MR splats of A update
          // MR × NR/lanes accumulators, which never leave registers during the kc steps.
          code.get(DEPTH_COUNT).set(STEPS);
          code.loop(() => {
            for (let v = 0; v < vectorsPerRow; v++) code.get(B_PTR).v128Load(v * 16).set(bVector(v));
            for (let r = 0; r < MR; r++) {
              splat(code.get(A_PTR), r * E).set(aSplat);
              for (let v = 0; v < vectorsPerRow; v++) {
                if (shape.fused) code.get(aSplat).get(bVector(v)).get(accumulator(r, v)).vector(vMadd);
                else code.get(accumulator(r, v)).get(aSplat).get(bVector(v)).vector(vMul).vector(vAdd);
                code.set(accumulator(r, v));
              }
            }
            code.get(A_PTR).i32(MR * E).add().set(A_PTR);
            code.get(B_PTR).i32(NR * E).add().set(B_PTR);
            code.get(STEPS).i32(1).sub().tee(STEPS).brIf(0);
          });
          code.get(C_PTR).set(C_ROW);
          for (let r = 0; r < MR; r++) {
            for (let v = 0; v < vectorsPerRow; v++) code.get(C_ROW).get(accumulator(r, v)).v128Store(v * 16);
            code.get(C_ROW).get(LDC).add().set(C_ROW);
          }
        });
      });
    });
  });

  const locals: ValueTypeCode[] = [
    ...new Array<ValueTypeCode>(FIRST_VECTOR_LOCAL - PARAM_COUNT).fill(ValueType.i32),
    ...new Array<ValueTypeCode>(vectorLocals).fill(ValueType.v128),
  ];
  return { name: shape.name, params: new Array<ValueTypeCode>(PARAM_COUNT).fill(ValueType.i32), locals, body: code.bytes };
}

/** Accumulators start at zero on the first depth pass and at C's partial sums on later ones. */
function emitAccumulatorStart(code: CodeWriter, rows: number, vectorsPerRow: number, accumulator: (r: number, v: number) => number): void {
  code.get(DEPTH).isZero().ifElse(
    () => {
      for (let r = 0; r < rows; r++) for (let v = 0; v < vectorsPerRow; v++) code.v128Zero().set(accumulator(r, v));
    },
    () => {
      code.get(C_PTR).set(C_ROW);
      for (let r = 0; r < rows; r++) {
        for (let v = 0; v < vectorsPerRow; v++) code.get(C_ROW).v128Load(v * 16).set(accumulator(r, v));
        code.get(C_ROW).get(LDC).add().set(C_ROW);
      }
    },
  );
}
