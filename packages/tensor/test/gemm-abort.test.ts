import { availableParallelism } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import '@tapegrad/tensor';
import { getKernelPool, type KernelJob } from '../src/kernels/kernel-pool.js';
import { takeChunks } from '../src/kernels/stage-runner.js';
import { gemmWasm } from '../src/kernels/wasm/gemm-wasm.js';
import { packStage, rowStrides } from '../src/kernels/wasm/pack.js';
import { kernelRuntime } from '../src/kernels/wasm/runtime.js';
import { Control, HelperState } from '../src/node/kernel-control.js';
import { WorkerKernelPool } from '../src/node/worker-pool.js';
import { gemmCase } from './gemm-operands.js';

const multicore = availableParallelism() > 1;

/** The control words of a pool's helpers (private: the protocol's state, inspected here). */
const controlsOf = (pool: WorkerKernelPool) => (pool as unknown as { controls: Int32Array[] }).controls;

describe.runIf(multicore)('a shared product that fails part-way', () => {
  beforeAll(async () => {
    const warm = gemmCase(Float32Array, 64, 64, 64, false, false);
    gemmWasm(warm.a, warm.b, new Float32Array(64 * 64), 0, 64, 64, 64, 2);
    expect(await (getKernelPool() as WorkerKernelPool).ready()).toBe(true);
  });

  it('releases the helpers when the calling thread throws mid-chunk, so the next product is not corrupted', () => {
    const pool = getKernelPool() as WorkerKernelPool;
    const f32 = kernelRuntime()!.float32 as unknown as Record<'run', (...x: number[]) => void> & Record<'packRows' | 'packCols', { run: (...x: number[]) => void }>;
    const saved = [f32.packRows.run, f32.packCols.run, f32.run] as const;
    const m = 300, n = 300;
    let threw = 0;
    for (let attempt = 0; attempt < 10; attempt++) {
      // The caller's first kernel call throws, as a stack overflow there would; the helper
      // meanwhile took chunks and waits at the barrier for the one the caller left unfinished.
      let calls = 0;
      const throwing = (kernel: (...x: number[]) => void) => (...x: number[]) => {
        if (calls++ === 0) throw new RangeError('simulated stack overflow');
        kernel(...x);
      };
      [f32.packRows.run, f32.packCols.run, f32.run] = saved.map(throwing);
      const failing = gemmCase(Float32Array, m, n, 300, false, false);
      try {
        gemmWasm(failing.a, failing.b, new Float32Array(m * n), 0, m, n, 300, 2);
      } catch {
        threw++;
      } finally {
        [f32.packRows.run, f32.packCols.run, f32.run] = saved;
      }
      // The helper has left the failed job: withdrawn, or done with it.
      for (const words of controlsOf(pool)) {
        if (Atomics.load(words, Control.claim) !== 0) expect(Atomics.load(words, Control.done)).toBe(-Atomics.load(words, Control.claim));
      }
      // Same partition into chunks, other depth: a helper stuck in the failed job would wake at
      // this product's barrier and compute its tiles with the old arguments.
      const next = gemmCase(Float32Array, m, n, 299, false, false, attempt + 2);
      const single = new Float32Array(m * n);
      const threaded = new Float32Array(m * n);
      gemmWasm(next.a, next.b, single, 0, m, n, 299, 1);
      expect(gemmWasm(next.a, next.b, threaded, 0, m, n, 299, 2)).toBe(2);
      expect(Buffer.from(threaded.buffer).equals(Buffer.from(single.buffer))).toBe(true);
    }
    expect(threw).toBeGreaterThan(0);
  });

  it('stops the caller waiting at the barrier when a helper throws in a packing chunk', async () => {
    const runtime = kernelRuntime()!;
    const pool = new WorkerKernelPool(1);
    const words = new Int32Array(runtime.memory.buffer, 0, 16);
    const kernel = runtime.float32.packRows;
    // One packing chunk whose destination lies past the 1 GiB maximum: whoever runs it traps.
    const bad = { kernel: kernel.name, width: 4, elementBytes: 4, source: 64, destination: 0x7fff0000, strides: rowStrides(false, 8, 8), count: 8, depth: 8 };
    const good = { ...bad, destination: 4096 };
    const job: KernelJob = {
      stages: [
        packStage(bad, 2, { taken: 0, finished: 4 }),
        packStage(good, 2, { taken: 8, finished: 12 }),
        { ...packStage(good, 2, { taken: 16, finished: 20 }), afterPrevious: true },
      ],
      abort: 60,
    };
    words.fill(0);
    expect(pool.start(runtime, job, 1)).toBe(false); // starts the worker
    expect(await pool.ready()).toBe(true);
    words.fill(0);
    expect(pool.start(runtime, job, 1)).toBe(true);
    // Let the helper take (and fail on) the bad chunk before this thread takes anything.
    const control = controlsOf(pool)[0]!;
    while (Atomics.load(control, Control.state) !== HelperState.failed) Atomics.wait(control, Control.done, 0, 1);
    const call = (_name: string, x: readonly number[]) => kernel.run(x[0]!, x[1]!, x[2]!, x[3]!, x[4]!, x[5]!, x[6]!, x[7]!);
    expect(takeChunks(job, words, call)).toBe(false);
    expect(pool.finish()).toBe(false);
    // A failed helper is offered nothing more.
    words.fill(0);
    expect(pool.start(runtime, job, 1)).toBe(false);
  });
});
