/**
 * A minimal WebAssembly binary encoder: just enough of the format (LEB128 integers, the type,
 * import, function, export and code sections) to assemble the GEMM micro-kernels at run time.
 * Emitting the module from TypeScript keeps the kernels in source form in the repository, needs
 * no build step or download, and lets one emitter produce every tile shape and dtype.
 * Reference: the WebAssembly core specification, chapter 5 (binary format).
 * @module
 */

/** Unsigned LEB128, the encoding of every index, count and size in the format. */
export function unsignedLeb128(value: number): number[] {
  const bytes: number[] = [];
  let rest = value >>> 0;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest !== 0);
  return bytes;
}

/** Signed LEB128, the encoding of `i32.const` immediates. */
export function signedLeb128(value: number): number[] {
  const bytes: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}

/** Value types, as their one-byte codes. */
export const ValueType = { i32: 0x7f, v128: 0x7b } as const;

/** One of the value type codes in {@link ValueType}. */
export type ValueTypeCode = (typeof ValueType)[keyof typeof ValueType];

/** A function to put in the module: its signature, extra locals and body bytes (without `end`). */
export interface FunctionDefinition {
  readonly name: string;
  readonly params: readonly ValueTypeCode[];
  /** Locals after the parameters, in index order. */
  readonly locals: readonly ValueTypeCode[];
  readonly body: readonly number[];
}

/** The linear memory the module imports as `env.memory`. */
export interface ImportedMemory {
  readonly initialPages: number;
  readonly maximumPages: number;
  /** Shared memory (the threads proposal) lets worker threads run the same code on the same bytes. */
  readonly shared: boolean;
}

function vector(items: readonly (readonly number[])[]): number[] {
  return [...unsignedLeb128(items.length), ...items.flat()];
}

/** A name as UTF-8 bytes with their count; export names here are ASCII, one byte per character. */
function name(text: string): number[] {
  const bytes = Array.from(text, (ch) => ch.charCodeAt(0));
  return [...unsignedLeb128(bytes.length), ...bytes];
}

function section(id: number, content: readonly number[]): number[] {
  return [id, ...unsignedLeb128(content.length), ...content];
}

/** Run-length groups of equal consecutive local types, as the code section declares them. */
function localGroups(locals: readonly ValueTypeCode[]): number[][] {
  const groups: number[][] = [];
  for (let i = 0; i < locals.length; ) {
    let j = i;
    while (j < locals.length && locals[j] === locals[i]) j++;
    groups.push([...unsignedLeb128(j - i), locals[i]]);
    i = j;
  }
  return groups;
}

/**
 * Assembles a module that imports `env.memory` and exports each function under its name. Every
 * function returns nothing; each gets its own type entry (duplicates are legal and keep this
 * short).
 */
export function encodeModule(memory: ImportedMemory, functions: readonly FunctionDefinition[]): Uint8Array {
  const types = vector(functions.map((f) => [0x60, ...vector(f.params.map((p) => [p])), 0x00]));
  const limitsFlag = memory.shared ? 0x03 : 0x01; // bit 0: has maximum, bit 1: shared
  const imports = vector([[...name('env'), ...name('memory'), 0x02, limitsFlag, ...unsignedLeb128(memory.initialPages), ...unsignedLeb128(memory.maximumPages)]]);
  const declarations = vector(functions.map((_, i) => unsignedLeb128(i)));
  const exports = vector(functions.map((f, i) => [...name(f.name), 0x00, ...unsignedLeb128(i)]));
  const bodies = vector(
    functions.map((f) => {
      const body = [...vector(localGroups(f.locals)), ...f.body, 0x0b];
      return [...unsignedLeb128(body.length), ...body];
    }),
  );
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, types),
    ...section(2, imports),
    ...section(3, declarations),
    ...section(7, exports),
    ...section(10, bodies),
  ]);
}
