/**
 * The compiled GEMM kernels and the linear memory they work in, created at the first call and
 * kept for the life of the process. Nothing here assumes Node or a browser: the WebAssembly API
 * is looked up on `globalThis` (typed below, since the core compiles without DOM or Node types),
 * and everything degrades to "no runtime" (the plain TypeScript kernel) when a piece is missing.
 *
 * The module is compiled synchronously with `new WebAssembly.Module`. That is fine in Node and in
 * browser workers; a browser main thread refuses synchronous compilation of modules over 4 KB,
 * and this one is about 2.8 KB.
 * @module
 */
import { encodeModule, type ImportedMemory } from './encoder.js';
import { emitGemmKernel, type KernelShape } from './gemm-kernel.js';
import { emitPackKernel, packKernelName } from './pack-kernel.js';

/** The parts of the WebAssembly JS API the kernels use. */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum: number; shared?: boolean }) => KernelMemory;
  validate(bytes: Uint8Array): boolean;
}

/** A `WebAssembly.Memory`: its bytes, and growth in 64 KiB pages. */
export interface KernelMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(pages: number): number;
}

/** A GEMM kernel export; see `gemm-kernel.ts` for its arguments. */
export type GemmKernelFunction = (
  aPack: number, bPack: number, c: number,
  rowTileStart: number, rowTileEnd: number, colTileStart: number, colTileEnd: number,
  k: number, ldc: number,
) => void;

/** A packing export; see `pack-kernel.ts` for its arguments. */
export type PackKernelFunction = (
  source: number, depthStride: number, indexStride: number, count: number, depth: number,
  destination: number, panelStart: number, panelEnd: number,
) => void;

/** An export by name (what a helper thread is told to call) and as a function (what the caller calls). */
export interface KernelExport<F> {
  readonly name: string;
  readonly run: F;
}

/** One dtype's kernel with the tile shape the packing must follow, and its two packing functions. */
export interface DtypeKernel {
  readonly shape: KernelShape;
  readonly run: GemmKernelFunction;
  /** Packs op(A) into panels of `shape.rows`. */
  readonly packRows: KernelExport<PackKernelFunction>;
  /** Packs op(B) into panels of `shape.cols`. */
  readonly packCols: KernelExport<PackKernelFunction>;
}

/** The compiled module, its memory, and the kernel per float dtype. */
export interface KernelRuntime {
  /** The `WebAssembly.Module`, which a worker instantiates against the same memory. */
  readonly module: object;
  readonly memory: KernelMemory;
  /** True when `memory` is a SharedArrayBuffer, so worker threads can share the work. */
  readonly shared: boolean;
  /** True when the kernels use relaxed-SIMD multiply-add. */
  readonly fused: boolean;
  readonly float32: DtypeKernel;
  readonly float64: DtypeKernel;
}

export const PAGE_BYTES = 65536;
/** 1 GiB: products whose packed operands need more fall back to the TypeScript kernel. */
export const MAXIMUM_PAGES = 16384;
const INITIAL_PAGES = 64;

/**
 * Tile and block sizes, chosen by measurement (N = 512 and 1024, one thread, AMD EPYC, Node 20).
 * V8 gives wasm SIMD 16 xmm registers, so the tile is bounded by the accumulators it can keep:
 * - f32: a 4 × 8 tile is 8 accumulators + 2 B vectors + 1 splat, ≈ 57 GFLOP/s; 6 × 8, 8 × 8,
 *   4 × 12 and 4 × 16 need 12–16 accumulators, spill, and ran at ≈ 25–33.
 * - f64: 4 × 4 (f64x2), the same register budget, ≈ 28; 6 × 4, 8 × 4 and 4 × 8 ran at ≈ 10–16.
 * KC = 256 keeps a KC × NR panel of B at 8 KiB, inside L1 (KC = 128 ran ≈ 30 % slower, 512 the
 * same); 16 row tiles (MC = 64 rows) keep a 64 × 256 block of A at 64 KiB (f32) or 128 KiB (f64),
 * inside L2 (8 tiles ran slower, 64 the same).
 */
function kernelShapes(fused: boolean): [KernelShape, KernelShape] {
  return [
    { name: 'gemmF32', elementBytes: 4, rows: 4, cols: 8, depthBlock: 256, rowBlockTiles: 16, fused },
    { name: 'gemmF64', elementBytes: 8, rows: 4, cols: 4, depthBlock: 256, rowBlockTiles: 16, fused },
  ];
}

function webAssembly(): WebAssemblyApi | undefined {
  return (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
}

/** Shared memory needs SharedArrayBuffer, which browsers expose only to cross-origin isolated pages. */
function sharedMemorySupported(api: WebAssemblyApi): boolean {
  if (typeof SharedArrayBuffer !== 'function') return false;
  try {
    return new api.Memory({ initial: 1, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer;
  } catch {
    return false;
  }
}

/** The packing functions the shapes need, one per (element size, panel width). */
function packWidths(shapes: readonly KernelShape[]): [4 | 8, number][] {
  const widths = new Map<string, [4 | 8, number]>();
  for (const { elementBytes, rows, cols } of shapes) {
    for (const width of [rows, cols]) widths.set(packKernelName(elementBytes, width), [elementBytes, width]);
  }
  return [...widths.values()];
}

function moduleBytes(memory: ImportedMemory, fused: boolean): Uint8Array {
  const shapes = kernelShapes(fused);
  return encodeModule(memory, [...shapes.map(emitGemmKernel), ...packWidths(shapes).map(([bytes, width]) => emitPackKernel(bytes, width))]);
}

function dtypeKernel(shape: KernelShape, exports: Record<string, unknown>): DtypeKernel {
  const pack = (width: number): KernelExport<PackKernelFunction> => {
    const name = packKernelName(shape.elementBytes, width);
    return { name, run: exports[name] as PackKernelFunction };
  };
  return { shape, run: exports[shape.name] as GemmKernelFunction, packRows: pack(shape.rows), packCols: pack(shape.cols) };
}

function createRuntime(): KernelRuntime | null {
  const api = webAssembly();
  if (api === undefined) return null;
  const shared = sharedMemorySupported(api);
  const memoryType: ImportedMemory = { initialPages: INITIAL_PAGES, maximumPages: MAXIMUM_PAGES, shared };
  // Validate exactly what will run: the fused variant needs relaxed SIMD, the plain one SIMD.
  let fused = true;
  let bytes = moduleBytes(memoryType, fused);
  if (!api.validate(bytes)) {
    fused = false;
    bytes = moduleBytes(memoryType, fused);
    if (!api.validate(bytes)) return null;
  }
  try {
    const module = new api.Module(bytes);
    const memory = new api.Memory({ initial: INITIAL_PAGES, maximum: MAXIMUM_PAGES, shared });
    const { exports } = new api.Instance(module, { env: { memory } });
    const [f32, f64] = kernelShapes(fused);
    return {
      module, memory, shared, fused,
      float32: dtypeKernel(f32, exports),
      float64: dtypeKernel(f64, exports),
    };
  } catch {
    return null;
  }
}

let runtime: KernelRuntime | null | undefined;

/** The kernel runtime, created on first use; null when WebAssembly SIMD is unavailable. */
export function kernelRuntime(): KernelRuntime | null {
  if (runtime === undefined) runtime = createRuntime();
  return runtime;
}
