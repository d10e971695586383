/**
 * Memory: what the kernels keep between calls is bounded. The worker pool starts its threads
 * once and never adds any; the WebAssembly kernel memory grows to the largest product and no
 * further; the slabs that small tensors are carved from are freed with their tensors. (Graphs:
 * see graph-freeing.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { kernelInfo, randn, scalar, type Tensor, warmUpKernels, zeros } from '@tapegrad/tensor';
import { kernelRuntime } from '../src/kernels/wasm/runtime.js';
import { collected } from './collect-garbage.js';

/** OS threads of this process, from /proc/self/status; null off Linux. */
function threadCount(): number | null {
  try {
    return Number(/^Threads:\s+(\d+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
  } catch {
    return null;
  }
}

describe.runIf(availableParallelism() > 1 && threadCount() !== null)('the worker pool', () => {
  it('adds no thread however many products it shares', async () => {
    const { threads } = await warmUpKernels();
    expect(threads).toBe(availableParallelism());
    const a = randn([128, 128], { dtype: 'float32' }); // 2M multiply-adds: shared with the helpers
    a.matmul(a);
    const before = threadCount();
    for (let i = 0; i < 300; i++) a.matmul(a);
    expect(threadCount()).toBe(before);
    expect(kernelInfo().threads).toBe(threads);
  });
});

describe.runIf(kernelRuntime() !== null)('the WebAssembly kernel memory', () => {
  it('grows to the largest product and stays there', () => {
    const memory = kernelRuntime()!.memory;
    const big = randn([300, 300], { dtype: 'float64' });
    big.matmul(big);
    const grown = memory.buffer.byteLength;
    for (let i = 0; i < 50; i++) {
      big.matmul(big);
      randn([40, 200], { dtype: 'float32' }).matmul(randn([200, 60], { dtype: 'float32' }));
    }
    expect(memory.buffer.byteLength).toBe(grown);
  });
});

describe('the slabs of small tensors', () => {
  it('are freed with their tensors: a million scalar ops leave no storage behind', async () => {
    const gc = (globalThis as { gc: () => void }).gc;
    const arrayBuffers = () => (gc(), process.memoryUsage().arrayBuffers);
    const before = arrayBuffers();
    // 10⁶ scalars (8 MB of slab views) and 10⁴ vectors of 1 KB (the largest slab size, 10 MB).
    let s = scalar(0);
    for (let i = 0; i < 1_000_000; i++) s = s.add(1);
    let v = zeros([128]);
    for (let i = 0; i < 10_000; i++) v = v.add(s);
    expect(v.buffer[0]).toBe(10_000_000_000);
    const refs: WeakRef<Tensor>[] = [new WeakRef(s), new WeakRef(v)];
    s = v = scalar(0);
    expect(await collected(refs)).toEqual([true, true]);
    // What is left: the slab each size group is filling (at most 16 KB each, 8 groups).
    expect(arrayBuffers() - before).toBeLessThan(256 * 1024);
  });
});
