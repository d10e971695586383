/**
 * How the calling thread works through a {@link KernelJob}: alone (every stage in one call each),
 * or shared, taking chunks from the stages' counters exactly as the helper threads do
 * (`node/gemm-worker.mjs` repeats this loop in plain JavaScript; keep the two in step).
 * @module
 */
import type { KernelJob, KernelStage } from './kernel-pool.js';

/** Calls the kernel export `name` with `args`. */
export type CallKernel = (name: string, args: readonly number[]) => void;

/** Chunks a stage is split into. */
export function stageChunks(stage: KernelStage): number {
  return Math.ceil(stage.tiles / stage.chunkTiles);
}

/** Runs every stage over its whole range, in order, on the calling thread. */
export function runStagesAlone(stages: readonly KernelStage[], call: CallKernel): void {
  for (const stage of stages) {
    const args = stage.args.slice();
    args[stage.rangeArg] = 0;
    args[stage.rangeArg + 1] = stage.tiles;
    call(stage.kernel, args);
  }
}

/**
 * Takes chunks of each stage in turn until its counter runs out; before a stage marked
 * `afterPrevious`, waits (spinning: the wait is one chunk of packing, microseconds) until every
 * chunk of the earlier stages has finished. Returns false if a helper aborted the job while this
 * thread waited, leaving the result incomplete.
 */
export function takeChunks(job: KernelJob, words: Int32Array, call: CallKernel): boolean {
  const { stages, abort } = job;
  for (let s = 0; s < stages.length; s++) {
    const stage = stages[s];
    if (stage.afterPrevious) {
      for (let earlier = 0; earlier < s; earlier++) {
        const chunks = stageChunks(stages[earlier]);
        while (Atomics.load(words, stages[earlier].finished >> 2) < chunks) {
          if (Atomics.load(words, abort >> 2) !== 0) return false;
        }
      }
    }
    const args = stage.args.slice();
    for (;;) {
      const first = Atomics.add(words, stage.taken >> 2, 1) * stage.chunkTiles;
      if (first >= stage.tiles) break;
      args[stage.rangeArg] = first;
      args[stage.rangeArg + 1] = Math.min(first + stage.chunkTiles, stage.tiles);
      call(stage.kernel, args);
      Atomics.add(words, stage.finished >> 2, 1);
    }
  }
  return true;
}
