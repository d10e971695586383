/**
 * Small typed arrays carved out of shared slabs. Measured on Node 20: `new Float64Array(16)`
 * (128 bytes, past V8's 64-byte limit for arrays kept inside the JS heap) gets an ArrayBuffer of
 * its own off the heap and costs ~520 ns however small it is, while a view into an existing
 * ArrayBuffer costs 15–40 ns; and even an on-heap `new Float64Array(1)` occupies 208 bytes of heap
 * (array, ArrayBuffer object and store) against 104 for a view. Per-op overhead on small tensors
 * is mostly this, so every request up to `MAX_SLAB_REQUEST` bytes becomes a view into a larger
 * ArrayBuffer, handed out front to back and never reused: a fresh slab is zero-filled, so each view
 * starts zeroed, and no view overlaps another.
 *
 * The price is retention: a slab is freed only when its last view dies, so a long-lived small
 * tensor keeps its whole slab alive. Requests are therefore grouped by size (8, 16, 32 … 1024
 * bytes), and each group's slabs hold about `VIEWS_PER_SLAB` of them: a kept tensor pins at most
 * 128 times its own size (1 KB for a scalar, 16 KB at most), while the cost of creating each slab
 * (~0.5 µs) is still shared by 16 views or more.
 *
 * For code that reaches past the typed array: a tensor's `buffer.buffer` may be a shared slab.
 * Read it with `byteOffset`/`byteLength` (as safetensors does), and never transfer it to a worker
 * (that would detach its neighbours); copy the typed array instead.
 * @module
 */
import type { Dtype, TypedArray } from './dtype.js';

/** Largest request served from a slab; past it the fixed cost of an ArrayBuffer is small next to the work. */
const MAX_SLAB_REQUEST = 1024;

/** How many requests of its size group a slab holds, up to `MAX_SLAB_BYTES`. */
const VIEWS_PER_SLAB = 128;

/** Upper bound on a slab's size, and so on what one kept small tensor can pin. */
const MAX_SLAB_BYTES = 16 * 1024;

/** Consecutive zeroed views into fresh ArrayBuffers of one size. */
class Slabs {
  readonly #slabBytes: number;
  // Starts "full", so the first request makes the first slab: unused groups cost nothing.
  #slab = new ArrayBuffer(0);
  #used: number;

  constructor(slabBytes: number) {
    this.#slabBytes = slabBytes;
    this.#used = slabBytes;
  }

  /** A view of `length` elements (`bytes` bytes) of `dtype`, starting a new slab when this one is full. */
  take(dtype: Dtype, length: number, bytes: number): TypedArray {
    if (this.#used + bytes > this.#slabBytes) {
      this.#slab = new ArrayBuffer(this.#slabBytes);
      this.#used = 0;
    }
    const offset = this.#used;
    // Offsets stay 8-byte aligned so a float64 view can follow a float32 one of odd length.
    this.#used += (bytes + 7) & ~7;
    switch (dtype) {
      case 'float64':
        return new Float64Array(this.#slab, offset, length);
      case 'float32':
        return new Float32Array(this.#slab, offset, length);
      case 'int32':
        return new Int32Array(this.#slab, offset, length);
    }
  }
}

/** One set of slabs per size group: group `g` takes requests of up to `8 · 2^g` bytes. */
const groups: Slabs[] = [];
for (let bytes = 8; bytes <= MAX_SLAB_REQUEST; bytes *= 2) groups.push(new Slabs(Math.min(bytes * VIEWS_PER_SLAB, MAX_SLAB_BYTES)));

/**
 * A zeroed `dtype` array of `length` elements as a view into a shared slab, or null when that
 * size is better allocated on its own (empty, or over `MAX_SLAB_REQUEST` bytes).
 */
export function fromSlab(dtype: Dtype, length: number): TypedArray | null {
  const bytes = dtype === 'float64' ? length * 8 : length * 4;
  if (bytes === 0 || bytes > MAX_SLAB_REQUEST) return null;
  // ⌈log₂ bytes⌉ − 3: 8 bytes or fewer → group 0, 9–16 → 1, …, 513–1024 → 7.
  const group = Math.max(0, 29 - Math.clz32(bytes - 1));
  return groups[group].take(dtype, length, bytes);
}
