// A kernel helper thread. It instantiates the kernel module against the shared memory it was
// given, then loops: wait for the caller to offer a job, take it (unless the caller withdrew it),
// then work through its stages (packing, then output tiles) taking chunks from the shared
// counters exactly as the caller does (stage-runner.ts), and publish `done`. No message per job:
// the hand-over is a few Atomics words, so a product pays microseconds, not a message round
// trip. See kernel-control.ts for the protocol; the word indices below must match it. Plain .mjs
// because a worker cannot start from .ts without a loader.
import { parentPort, workerData } from 'node:worker_threads';

const STATE = 0, REQUEST = 1, DONE = 2, CLAIM = 3, STAGE_COUNT = 4, ABORT = 5, STAGES = 6, STAGE_WORDS = 20;
const KERNEL = 0, RANGE_ARG = 1, TILES = 2, CHUNK_TILES = 3, TAKEN = 4, FINISHED = 5, AFTER_PREVIOUS = 6, ARG_COUNT = 7, ARGS = 8;
const READY = 1, FAILED = 2;

const { module, memory, control } = workerData;
const words = new Int32Array(control);

function fail(error) {
  Atomics.store(words, STATE, FAILED);
  parentPort?.postMessage({ failed: String(error?.stack ?? error) });
}

/** The job's stages, read from the control words once per job. */
function readStages() {
  const stages = [];
  for (let s = 0; s < words[STAGE_COUNT]; s++) {
    const at = STAGES + s * STAGE_WORDS;
    stages.push({
      kernel: kernels[words[at + KERNEL]],
      rangeArg: words[at + RANGE_ARG],
      tiles: words[at + TILES],
      chunkTiles: words[at + CHUNK_TILES],
      taken: words[at + TAKEN] >> 2,
      finished: words[at + FINISHED] >> 2,
      afterPrevious: words[at + AFTER_PREVIOUS] === 1,
      args: Array.from(words.subarray(at + ARGS, at + ARGS + words[at + ARG_COUNT])),
    });
  }
  return stages;
}

/** Takes chunks of each stage in turn, waiting at barriers as the caller does. */
function takeChunks(stages, memoryWords, abort) {
  for (let s = 0; s < stages.length; s++) {
    const stage = stages[s];
    if (stage.afterPrevious) {
      for (let earlier = 0; earlier < s; earlier++) {
        const chunks = Math.ceil(stages[earlier].tiles / stages[earlier].chunkTiles);
        while (Atomics.load(memoryWords, stages[earlier].finished) < chunks) {
          if (Atomics.load(memoryWords, abort) !== 0) return;
        }
      }
    }
    const { kernel, args, rangeArg, tiles, chunkTiles, taken, finished } = stage;
    for (;;) {
      const first = Atomics.add(memoryWords, taken, 1) * chunkTiles;
      if (first >= tiles) break;
      args[rangeArg] = first;
      args[rangeArg + 1] = Math.min(first + chunkTiles, tiles);
      kernel(...args);
      Atomics.add(memoryWords, finished, 1);
    }
  }
}

let kernels;
// Read before reporting ready: the caller offers nothing until then, so a request that arrives
// in between is a new one (read after, it would be taken as already seen and left to the caller).
let seen = Atomics.load(words, REQUEST);
try {
  const { exports } = new WebAssembly.Instance(module, { env: { memory } });
  kernels = WebAssembly.Module.exports(module).map(({ name }) => exports[name]);
  Atomics.store(words, STATE, READY);
  parentPort?.postMessage({ ready: true });
} catch (error) {
  fail(error);
}

// After a job, watch for the next one for 50 µs before sleeping: waking from Atomics.wait took
// ≈ 25 µs on the development VM, more than a 96³ product's share, while products often come back
// to back (a training step, a benchmark loop). Spinning there took 128³ float32 from 64 to 88
// GFLOP/s and 96³ from 48 to 77; idle workers still sleep after 50 µs.
const SPIN_MS = 0.05;
while (kernels !== undefined) {
  const spinUntil = performance.now() + SPIN_MS;
  while (Atomics.load(words, REQUEST) === seen && performance.now() < spinUntil);
  Atomics.wait(words, REQUEST, seen);
  const request = Atomics.load(words, REQUEST);
  if (request === seen) continue;
  seen = request;
  if (Atomics.compareExchange(words, CLAIM, request, -request) !== request) continue; // withdrawn
  // A fresh view each job: the memory may have grown.
  const memoryWords = new Int32Array(memory.buffer, 0, 16);
  const abort = words[ABORT] >> 2;
  try {
    takeChunks(readStages(), memoryWords, abort);
  } catch (error) {
    // Release anyone waiting at a barrier for this thread's chunk; the caller redoes the job.
    Atomics.store(memoryWords, abort, 1);
    fail(error);
  }
  Atomics.store(words, DONE, request);
  Atomics.notify(words, DONE);
}
