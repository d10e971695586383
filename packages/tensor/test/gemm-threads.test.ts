import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelInfo } from '@tapegrad/tensor';
import { getKernelPool } from '../src/kernels/kernel-pool.js';
import { gemmWasm } from '../src/kernels/wasm/gemm-wasm.js';
import { WorkerKernelPool } from '../src/node/worker-pool.js';
import { FLOAT_TYPES, gemmCase } from './gemm-operands.js';

const multicore = availableParallelism() > 1;

describe.runIf(multicore)('the Node worker pool', () => {
  beforeAll(async () => {
    // The first large product starts the workers; until they are ready products run single-threaded.
    const warm = gemmCase(Float32Array, 64, 64, 64, false, false);
    gemmWasm(warm.a, warm.b, new Float32Array(64 * 64), 0, 64, 64, 64, 2);
    expect(await (getKernelPool() as WorkerKernelPool).ready()).toBe(true);
  });

  it('is installed by importing @tapegrad/tensor under Node (the "node" export condition)', () => {
    expect(getKernelPool()).toBeInstanceOf(WorkerKernelPool);
    expect(kernelInfo().threads).toBe(availableParallelism());
  });

  describe.each(FLOAT_TYPES)('$name', ({ Array }) => {
    // Row-shared (m ≥ n) and column-shared (n > m) products, odd sizes so the last tiles are partial.
    it.each([
      [257, 33, 257, false, false],
      [257, 257, 33, true, false],
      [33, 257, 257, false, true],
      [7, 1025, 33, true, true],
      [1, 257, 7, false, false],
      // Several chunks in every stage (both packings and the tiles), so threads meet at the barrier.
      [300, 300, 300, true, false],
      [129, 517, 300, false, true],
    ])('gives bit-identical results on 1 and 2 threads for %i×%i×%i (transA %s, transB %s)', (m, n, k, transA, transB) => {
      const product = gemmCase(Array, m, n, k, transA, transB);
      const single = new Array(m * n);
      const threaded = new Array(m * n);
      expect(gemmWasm(product.a, product.b, single, 0, m, n, k, 1)).toBe(1);
      for (let repeat = 0; repeat < 5; repeat++) {
        threaded.fill(Number.NaN);
        expect(gemmWasm(product.a, product.b, threaded, 0, m, n, k, 2)).toBe(2);
        expect(Buffer.from(threaded.buffer).equals(Buffer.from(single.buffer))).toBe(true);
      }
    });
  });

  it('never keeps the process alive', () => {
    const started = Date.now();
    const stdout = runWithTensor(`
      import { randn, kernelInfo } from 'TENSOR';
      const x = randn([300, 300], { dtype: 'float32' });
      x.matmul(x);
      console.log('threads', kernelInfo().threads);`);
    expect(stdout).toContain('threads');
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('starts the workers ahead of the first product with warmUpKernels, and still lets the process exit', () => {
    const stdout = runWithTensor(`
      import { warmUpKernels } from 'TENSOR';
      console.log(JSON.stringify(await warmUpKernels()));`);
    const info = JSON.parse(stdout) as { wasm: boolean; threads: number };
    expect(info.wasm).toBe(true);
    expect(info.threads).toBe(Math.max(1, availableParallelism()));
  });
});

/**
 * Runs an ES module script in a fresh Node process, with 'TENSOR' standing for the package's Node
 * entry, and returns its output after checking it exited cleanly: the pool lives per process.
 */
function runWithTensor(script: string): string {
  const entry = fileURLToPath(new URL('../src/index.node.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script.replaceAll("'TENSOR'", JSON.stringify(entry))], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}
