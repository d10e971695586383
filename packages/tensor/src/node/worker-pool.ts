/**
 * The Node kernel pool: `os.availableParallelism() − 1` worker threads that take chunks of large
 * products. Workers start lazily at the first product big enough to share (until they report
 * ready, products run on the calling thread), are `unref()`ed so they never keep the process
 * alive, and sleep in `Atomics.wait` between products (after watching 50 µs for the next one),
 * using no CPU.
 * @module
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { KernelJob, KernelPool, SharedKernelModule } from '../kernels/kernel-pool.js';
import { Control, CONTROL_WORDS, HelperState, MAX_STAGES, nextRequest, STAGE_WORDS, StageWord } from './kernel-control.js';

/** The `WebAssembly.Module.exports` reflection, looked up untyped like the rest of the API. */
type ModuleExports = (module: object) => { name: string }[];

/** How long `finish` polls for a helper's `done` before sleeping on it. */
const DONE_SPIN_MS = 0.05;

/** A kernel pool of Node worker threads sharing the kernel runtime's memory. */
export class WorkerKernelPool implements KernelPool {
  /** Worker threads in the pool. */
  readonly helpers: number;
  private module: object | null = null;
  private kernelIndex = new Map<string, number>();
  private controls: Int32Array[] = [];
  private workers: Worker[] = [];
  private requestNumber = 0;
  private offered = 0;
  private readyPromise: Promise<boolean> | null = null;

  /** A pool of `helpers` workers (none start until the first product that needs them). */
  constructor(helpers: number) {
    this.helpers = helpers;
  }

  /** Offers the job to the ready workers; starts the workers on the first call. */
  start(runtime: SharedKernelModule, job: KernelJob, helpers: number): boolean {
    if (this.module === null) this.launch(runtime);
    const kernels = job.stages.map((stage) => this.kernelIndex.get(stage.kernel));
    if (this.module !== runtime.module || kernels.includes(undefined) || job.stages.length > MAX_STAGES) return false;
    if (job.stages.some((stage) => stage.args.length > STAGE_WORDS - StageWord.args)) return false;
    const count = Math.min(helpers, this.helpers);
    for (let i = 0; i < count; i++) {
      if (Atomics.load(this.controls[i], Control.state) !== HelperState.ready) return false;
    }
    const request = (this.requestNumber = nextRequest(this.requestNumber));
    for (let i = 0; i < count; i++) {
      const words = this.controls[i];
      words[Control.stageCount] = job.stages.length;
      words[Control.abort] = job.abort;
      job.stages.forEach((stage, s) => {
        const at = Control.stages + s * STAGE_WORDS;
        words[at + StageWord.kernel] = kernels[s]!;
        words[at + StageWord.rangeArg] = stage.rangeArg;
        words[at + StageWord.tiles] = stage.tiles;
        words[at + StageWord.chunkTiles] = stage.chunkTiles;
        words[at + StageWord.taken] = stage.taken;
        words[at + StageWord.finished] = stage.finished;
        words[at + StageWord.afterPrevious] = stage.afterPrevious ? 1 : 0;
        words[at + StageWord.argCount] = stage.args.length;
        words.set(stage.args, at + StageWord.args);
      });
      // The atomic stores publish the plain writes above to the worker (sequentially consistent).
      Atomics.store(words, Control.claim, request);
      Atomics.store(words, Control.request, request);
      Atomics.notify(words, Control.request);
    }
    this.offered = count;
    return true;
  }

  /** Withdraws the job from workers that have not taken it and waits for those that have. */
  finish(): boolean {
    const request = this.requestNumber;
    let ok = true;
    for (let i = 0; i < this.offered; i++) {
      const words = this.controls[i];
      if (Atomics.compareExchange(words, Control.claim, request, 0) === request) continue; // never taken
      // Spin briefly first: the helper is usually finishing its last chunk, and a wake-up from
      // Atomics.wait costs ≈ 25 µs (see SPIN_MS in gemm-worker.mjs).
      const spinUntil = performance.now() + DONE_SPIN_MS;
      while (Atomics.load(words, Control.done) !== request && performance.now() < spinUntil);
      for (;;) {
        const done = Atomics.load(words, Control.done);
        if (done === request) break;
        Atomics.wait(words, Control.done, done);
      }
      if (Atomics.load(words, Control.state) !== HelperState.ready) ok = false;
    }
    this.offered = 0;
    return ok;
  }

  /**
   * Resolves true once every worker is ready, false if one failed; before the first large
   * product (which starts the workers) it resolves false at once. For tests and benchmarks that
   * want the threaded path from the first measured call.
   */
  ready(): Promise<boolean> {
    if (this.readyPromise === null) return Promise.resolve(false);
    // Keep the process alive while someone awaits the workers (they are unref'd otherwise).
    for (const worker of this.workers) worker.ref();
    return this.readyPromise.finally(() => {
      for (const worker of this.workers) worker.unref();
    });
  }

  /** Starts the workers if the first large product has not, and waits until they are ready. */
  warmUp(runtime: SharedKernelModule): Promise<boolean> {
    if (this.module === null) this.launch(runtime);
    return this.ready();
  }

  private launch(runtime: SharedKernelModule): void {
    this.module = runtime.module;
    const moduleExports = (globalThis as unknown as { WebAssembly: { Module: { exports: ModuleExports } } }).WebAssembly.Module.exports;
    moduleExports(runtime.module).forEach(({ name }, i) => this.kernelIndex.set(name, i));
    const started: Promise<boolean>[] = [];
    for (let i = 0; i < this.helpers; i++) {
      const words = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
      this.controls.push(words);
      // execArgv: [] so a worker does not load the parent's loaders (tsx, vitest): it runs plain JS.
      const worker = new Worker(new URL('./gemm-worker.mjs', import.meta.url), {
        workerData: { module: runtime.module, memory: runtime.memory, control: words.buffer },
        execArgv: [],
      });
      const markFailed = () => Atomics.store(words, Control.state, HelperState.failed);
      started.push(
        new Promise<boolean>((resolve) => {
          worker.on('message', (message: { ready?: boolean }) => resolve(message.ready === true));
          worker.on('error', () => (markFailed(), resolve(false)));
          worker.on('exit', () => (markFailed(), resolve(false)));
        }),
      );
      this.workers.push(worker);
      // After the listeners: adding a 'message' listener refs the worker's port again.
      worker.unref();
    }
    this.readyPromise = Promise.all(started).then((states) => states.every(Boolean));
  }
}

/** Helper threads for this machine: one per core beyond the caller's. */
export function defaultHelperCount(): number {
  return Math.max(0, availableParallelism() - 1);
}
