// A kernel helper thread. It instantiates the kernel module against the shared memory it was
// given, then loops: wait for the caller to offer a job, take it (unless the caller withdrew it),
// then take chunks of output tiles from the shared counter until none are left, and publish
// `done`. No message per job: the hand-over is a few Atomics words, so a product pays
// microseconds, not a message round trip. See kernel-control.ts for the protocol; the word
// indices below must match it. Plain .mjs because a worker cannot start from .ts without a loader.
import { parentPort, workerData } from 'node:worker_threads';

const STATE = 0, REQUEST = 1, DONE = 2, CLAIM = 3, KERNEL = 4, RANGE_ARG = 5, TILES = 6, CHUNK_TILES = 7, COUNTER = 8, ARG_COUNT = 9, ARGS = 10;
const READY = 1, FAILED = 2;

const { module, memory, control } = workerData;
const words = new Int32Array(control);

function fail(error) {
  Atomics.store(words, STATE, FAILED);
  parentPort?.postMessage({ failed: String(error?.stack ?? error) });
}

/** Takes chunks from the counter and runs the kernel on each, exactly as the caller does. */
function runChunks(kernel, args, rangeArg, tiles, chunkTiles, counter) {
  // A fresh view each job: the memory may have grown (index `counter` stays in range anyway).
  const memoryWords = new Int32Array(memory.buffer);
  for (;;) {
    const first = Atomics.add(memoryWords, counter, 1) * chunkTiles;
    if (first >= tiles) return;
    args[rangeArg] = first;
    args[rangeArg + 1] = Math.min(first + chunkTiles, tiles);
    kernel(...args);
  }
}

let kernels;
try {
  const { exports } = new WebAssembly.Instance(module, { env: { memory } });
  kernels = WebAssembly.Module.exports(module).map(({ name }) => exports[name]);
  Atomics.store(words, STATE, READY);
  parentPort?.postMessage({ ready: true });
} catch (error) {
  fail(error);
}

let seen = Atomics.load(words, REQUEST);
while (kernels !== undefined) {
  Atomics.wait(words, REQUEST, seen);
  const request = Atomics.load(words, REQUEST);
  if (request === seen) continue;
  seen = request;
  if (Atomics.compareExchange(words, CLAIM, request, -request) !== request) continue; // withdrawn
  try {
    const args = Array.from(words.subarray(ARGS, ARGS + words[ARG_COUNT]));
    runChunks(kernels[words[KERNEL]], args, words[RANGE_ARG], words[TILES], words[CHUNK_TILES], words[COUNTER] >> 2);
  } catch (error) {
    fail(error);
  }
  Atomics.store(words, DONE, request);
  Atomics.notify(words, DONE);
}
