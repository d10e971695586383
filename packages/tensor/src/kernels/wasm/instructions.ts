/**
 * Writes a WebAssembly function body one instruction at a time, with structured helpers for the
 * loops the GEMM kernels need. Only the opcodes those kernels use are here; SIMD opcodes are the
 * `0xfd` prefix followed by a LEB128 sub-opcode (WebAssembly SIMD specification, "Binary format").
 * @module
 */
import { signedLeb128, unsignedLeb128 } from './encoder.js';

/** SIMD sub-opcodes (after the 0xfd prefix) of the arithmetic the micro-kernels use. */
export const SimdOp = {
  f32x4Add: 0xe4,
  f32x4Mul: 0xe6,
  f64x2Add: 0xf0,
  f64x2Mul: 0xf2,
  /** Relaxed SIMD: `a·b + c`, fused or not at the engine's choice (same choice every time). */
  f32x4RelaxedMadd: 0x105,
  f64x2RelaxedMadd: 0x107,
} as const;

const EMPTY_BLOCK = 0x40;

/** Accumulates the bytes of one function body. */
export class CodeWriter {
  /** The encoded instructions so far. */
  readonly bytes: number[] = [];

  private emit(...bytes: number[]): this {
    for (const byte of bytes) this.bytes.push(byte);
    return this;
  }

  private simd(op: number, ...immediates: number[]): this {
    return this.emit(0xfd, ...unsignedLeb128(op), ...immediates);
  }

  /** Pushes local `index`. */
  get(index: number): this {
    return this.emit(0x20, ...unsignedLeb128(index));
  }

  /** Pops into local `index`. */
  set(index: number): this {
    return this.emit(0x21, ...unsignedLeb128(index));
  }

  /** Stores into local `index` and keeps the value on the stack. */
  tee(index: number): this {
    return this.emit(0x22, ...unsignedLeb128(index));
  }

  /** Pushes an i32 constant. */
  i32(value: number): this {
    return this.emit(0x41, ...signedLeb128(value));
  }

  /** i32 addition of the top two values. */
  add(): this {
    return this.emit(0x6a);
  }

  /** i32 subtraction (second minus top). */
  sub(): this {
    return this.emit(0x6b);
  }

  /** i32 multiplication of the top two values. */
  mul(): this {
    return this.emit(0x6c);
  }

  /** Signed i32 `second < top`, as 0 or 1. */
  lessThan(): this {
    return this.emit(0x48);
  }

  /** 1 when the top i32 is zero. */
  isZero(): this {
    return this.emit(0x45);
  }

  /** Picks the first of two values when the i32 on top is non-zero, else the second. */
  select(): this {
    return this.emit(0x1b);
  }

  /** Branches out of `depth` enclosing blocks (to the start of a loop). */
  br(depth: number): this {
    return this.emit(0x0c, ...unsignedLeb128(depth));
  }

  /** `br` when the i32 on top is non-zero. */
  brIf(depth: number): this {
    return this.emit(0x0d, ...unsignedLeb128(depth));
  }

  /** A block with no result; `br 0` inside jumps past its end. */
  block(body: () => void): this {
    this.emit(0x02, EMPTY_BLOCK);
    body();
    return this.emit(0x0b);
  }

  /** A loop with no result; `br 0` inside jumps back to its start. */
  loop(body: () => void): this {
    this.emit(0x03, EMPTY_BLOCK);
    body();
    return this.emit(0x0b);
  }

  /** Runs `then` when the popped i32 is non-zero, `otherwise` when it is zero. */
  ifElse(then: () => void, otherwise: () => void): this {
    this.emit(0x04, EMPTY_BLOCK);
    then();
    this.emit(0x05);
    otherwise();
    return this.emit(0x0b);
  }

  /**
   * `for (counter = start; counter < end; counter += step) body()`, with `start` and `end`
   * pushing an i32 each. The body must leave the stack as it found it.
   */
  forRange(counter: number, start: () => void, end: () => void, step: number, body: () => void): this {
    start();
    this.set(counter);
    return this.block(() =>
      this.loop(() => {
        this.get(counter);
        end();
        this.lessThan().isZero().brIf(1);
        body();
        this.get(counter).i32(step).add().set(counter).br(0);
      }),
    );
  }

  /** 16-byte load from the popped address plus `offset`. */
  v128Load(offset: number): this {
    return this.simd(0x00, 4, ...unsignedLeb128(offset));
  }

  /** 16-byte store of the top vector to the address below it, plus `offset`. */
  v128Store(offset: number): this {
    return this.simd(0x0b, 4, ...unsignedLeb128(offset));
  }

  /** Loads one 4-byte lane from the popped address plus `offset` and copies it to all lanes. */
  load32Splat(offset: number): this {
    return this.simd(0x09, 2, ...unsignedLeb128(offset));
  }

  /** Loads one 8-byte lane from the popped address plus `offset` and copies it to both lanes. */
  load64Splat(offset: number): this {
    return this.simd(0x0a, 3, ...unsignedLeb128(offset));
  }

  /** 4-byte scalar load from the popped address plus `offset` (raw bits: the packing copies, never computes). */
  i32Load(offset: number): this {
    return this.emit(0x28, 2, ...unsignedLeb128(offset));
  }

  /** 4-byte scalar store of the top i32 to the address below it, plus `offset`. */
  i32Store(offset: number): this {
    return this.emit(0x36, 2, ...unsignedLeb128(offset));
  }

  /** 8-byte scalar load from the popped address plus `offset`. */
  i64Load(offset: number): this {
    return this.emit(0x29, 3, ...unsignedLeb128(offset));
  }

  /** 8-byte scalar store of the top i64 to the address below it, plus `offset`. */
  i64Store(offset: number): this {
    return this.emit(0x37, 3, ...unsignedLeb128(offset));
  }

  /** Pushes an i64 constant (only small ones are needed). */
  i64(value: number): this {
    return this.emit(0x42, ...signedLeb128(value));
  }

  /** i32 equality of the top two values, as 0 or 1. */
  equal(): this {
    return this.emit(0x46);
  }

  /** Pushes the all-zero vector. */
  v128Zero(): this {
    return this.simd(0x0c, ...new Array<number>(16).fill(0));
  }

  /** One SIMD arithmetic instruction from {@link SimdOp}. */
  vector(op: number): this {
    return this.simd(op);
  }
}
