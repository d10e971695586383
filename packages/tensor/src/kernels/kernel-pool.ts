/**
 * The hook through which a platform lends the kernels extra threads. The core is browser-safe
 * and owns no threads: `@tapegrad/tensor` on Node installs a worker-thread pool here at import
 * (see `node/worker-pool.ts`); in a browser nothing is installed and the kernels run on the
 * calling thread (a Web Worker pool for cross-origin isolated pages could implement the same
 * interface; none is built yet).
 *
 * Work is shared by chunks, not by fixed halves: the caller and every helper that has woken up
 * take chunks of work (panels to pack, then output tiles) from atomic counters until none are
 * left. A helper the OS has not scheduled (a busy machine) then costs nothing, and because every
 * tile is computed by the same code whoever takes it, the result is bit-identical to one thread
 * doing everything.
 * @module
 */

/** What a helper thread needs to run the kernels: the compiled module and its shared memory. */
export interface SharedKernelModule {
  /** The `WebAssembly.Module` of the kernels. */
  readonly module: object;
  /** The shared `WebAssembly.Memory` the module imports as `env.memory`. */
  readonly memory: object;
}

/**
 * One step of a product, split into chunks of tiles (panels to pack, or output tiles), run by
 * calling a kernel export once per chunk.
 */
export interface KernelStage {
  /** Export name in the kernel module, e.g. `gemmF32` or `packF32x8`. */
  readonly kernel: string;
  /** The export's i32 arguments; the two at `rangeArg` are replaced by each chunk's tile range. */
  readonly args: readonly number[];
  /** Index in `args` of the chunk's first tile; its end (exclusive) follows. */
  readonly rangeArg: number;
  /** Tiles to share out, `[0, tiles)`. */
  readonly tiles: number;
  /** Tiles per chunk. */
  readonly chunkTiles: number;
  /** Byte address in the shared memory of the i32 count of chunks taken (zeroed by the caller). */
  readonly taken: number;
  /** Byte address of the i32 count of chunks finished (zeroed by the caller). */
  readonly finished: number;
  /** Take no chunk of this stage before every chunk of the earlier stages has finished. */
  readonly afterPrevious: boolean;
}

/**
 * A product as stages that every thread works through in order, taking chunks of each: the
 * packing of both operands, then (after a barrier) the output tiles.
 */
export interface KernelJob {
  readonly stages: readonly KernelStage[];
  /**
   * Byte address of an i32 a helper sets to 1 when a kernel throws, so that threads waiting at
   * a barrier for its chunk stop waiting (zeroed by the caller).
   */
  readonly abort: number;
}

/** Helper threads that take chunks of kernel jobs on the runtime's shared memory. */
export interface KernelPool {
  /** How many helper threads the pool has (not counting the caller). */
  readonly helpers: number;
  /**
   * Offers `job` to up to `helpers` helpers and returns true, or returns false without offering
   * it when the helpers cannot take work (still starting, or failed). The caller then takes
   * chunks itself and calls `finish`.
   */
  start(runtime: SharedKernelModule, job: KernelJob, helpers: number): boolean;
  /**
   * Called once the last stage's counter shows no chunks left (or, after setting the abort flag,
   * when the caller's own chunk threw): withdraws the offer from helpers that have not
   * picked it up and blocks until those that did have finished their chunks. Returns false when
   * a helper failed, leaving its chunk uncomputed.
   */
  finish(): boolean;
  /**
   * Starts the helpers now rather than at the first large product, and resolves true once every
   * one is ready (false if one failed).
   */
  warmUp(runtime: SharedKernelModule): Promise<boolean>;
}

let installed: KernelPool | null = null;

/** Installs the pool that large products use for extra threads (`null` removes it). */
export function setKernelPool(pool: KernelPool | null): void {
  installed = pool;
}

/** The installed kernel pool, or null when products run on the calling thread only. */
export function getKernelPool(): KernelPool | null {
  return installed;
}
