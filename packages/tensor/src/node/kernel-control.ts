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
  /** Which export of the kernel module to run (its index in `WebAssembly.Module.exports`). */
  kernel: 4,
  /** Index in the arguments of each chunk's first tile. */
  rangeArg: 5,
  /** Tiles to share out. */
  tiles: 6,
  /** Tiles per chunk. */
  chunkTiles: 7,
  /** Byte address of the chunk counter in the kernel memory. */
  counter: 8,
  /** How many i32 arguments the export takes. */
  argCount: 9,
  /** The export's i32 arguments start here. */
  args: 10,
} as const;

/** Words per control block: room for sixteen kernel arguments. */
export const CONTROL_WORDS = 26;

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
