/**
 * The control block one helper thread and the calling thread share: a small Int32Array over a
 * SharedArrayBuffer, read and written with Atomics. `gemm-worker.mjs` uses the same indices (it
 * is plain JavaScript and cannot import this file; keep the two in step).
 *
 * Hand-over of request `r`: the caller writes the job words, stores `claim = r`, then
 * `request = r` and notifies. A helper that wakes takes the job by swapping `claim` from `r` to
 * `−r`; the caller, once no chunks are left, withdraws it by swapping `claim` from `r` to `0`.
 * Exactly one swap succeeds: if the caller's does, it need not wait (the helper never touched the
 * job); otherwise it waits until `done = r`.
 * @module
 */

/** Index of each word in a control block. */
export const Control = {
  /** The helper's state: one of {@link HelperState}. */
  state: 0,
  /** Bumped by the caller to offer a job; the helper waits on it. */
  request: 1,
  /** Set by the helper to the request number it finished; the caller waits on it. */
  done: 2,
  /** Who has the current job: `r` offered, `−r` taken by the helper, `0` withdrawn. */
  claim: 3,
  /** How many stages the job has. */
  stageCount: 4,
  /** Byte address in the kernel memory of the job's abort flag. */
  abort: 5,
  /** The first stage's words start here, {@link STAGE_WORDS} per stage. */
  stages: 6,
} as const;

/** Index of each word within one stage's words. */
export const StageWord = {
  /** Which export of the kernel module to run (its index in `WebAssembly.Module.exports`). */
  kernel: 0,
  /** Index in the arguments of each chunk's first tile. */
  rangeArg: 1,
  /** Tiles to share out. */
  tiles: 2,
  /** Tiles per chunk. */
  chunkTiles: 3,
  /** Byte address of the count of chunks taken in the kernel memory. */
  taken: 4,
  /** Byte address of the count of chunks finished. */
  finished: 5,
  /** 1 when the stage waits for every chunk of the earlier stages. */
  afterPrevious: 6,
  /** How many i32 arguments the export takes. */
  argCount: 7,
  /** The export's i32 arguments start here. */
  args: 8,
} as const;

/** Words per stage: room for twelve kernel arguments. */
export const STAGE_WORDS = 20;

/** Most stages a job can have (packing A, packing B, computing C). */
export const MAX_STAGES = 3;

/** Words per control block. */
export const CONTROL_WORDS = Control.stages + MAX_STAGES * STAGE_WORDS;

/** The helper's lifecycle, in {@link Control.state}. */
export const HelperState = {
  starting: 0,
  ready: 1,
  /** Instantiation or a job threw; the pool stops using this helper. */
  failed: 2,
} as const;

/**
 * The request number after `request`: 1, 2, … 2³¹ − 1, then 1 again. Requests live in Int32Array
 * words, and the claim protocol needs `r`, `−r` and `0` to be three different values: an
 * unbounded count would reach 2³¹, store as −2³¹ (its own negation), and let the caller withdraw
 * a job a helper is still computing.
 */
export function nextRequest(request: number): number {
  return request >= 0x7fffffff ? 1 : request + 1;
}
