/**
 * One reading of the process's memory, taken right after a full garbage collection so that it
 * counts what is still reachable, not what is merely waiting to be collected.
 * @module
 */
import { readFileSync } from 'node:fs';

/** Bytes in use at one step, from `process.memoryUsage()`, plus the process's thread count. */
export interface MemorySample {
  /** Training steps taken when the sample was read. */
  readonly step: number;
  /** Live objects on the V8 heap. */
  readonly heapUsed: number;
  /** Memory of C++ objects bound to JS objects, ArrayBuffers' backing stores included. */
  readonly external: number;
  /** The ArrayBuffer and SharedArrayBuffer part of `external`: tensor storage, slabs, kernel memory. */
  readonly arrayBuffers: number;
  /** Resident set size: everything the process holds in RAM. */
  readonly rss: number;
  /** OS threads of the process (main, V8's, libuv's, the kernel pool's), or null where unknown. */
  readonly threads: number | null;
}

/** The `gc` function Node exposes under `--expose-gc`. */
export function exposedGc(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') throw new Error('memory samples need a forced garbage collection: run node with --expose-gc (tsx --expose-gc …)');
  return gc;
}

/** Collects garbage, then reads the memory counters. */
export function sampleMemory(step: number): MemorySample {
  const gc = exposedGc();
  // Twice: the first full collection can leave objects that only a finalizer pass released.
  gc();
  gc();
  const { heapUsed, external, arrayBuffers, rss } = process.memoryUsage();
  return { step, heapUsed, external, arrayBuffers, rss, threads: threadCount() };
}

/** The `Threads:` line of /proc/self/status (Linux); null elsewhere. */
export function threadCount(): number | null {
  try {
    const match = /^Threads:\s+(\d+)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
