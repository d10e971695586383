/**
 * The vocabulary of the safetensors format (https://github.com/huggingface/safetensors): how
 * tapegrad's dtypes are spelled in a header, their sizes, and the limits every reader enforces.
 * @module
 */
import type { Dtype } from '@tapegrad/tensor';
import { reachesPrototype } from '../module-names.js';

/** The header key that holds free-form string-to-string metadata instead of a tensor. */
export const METADATA_KEY = '__metadata__';

/** Bytes of the little-endian u64 that opens a file and gives the header's length. */
export const HEADER_LENGTH_BYTES = 8;

/**
 * The largest header a reader accepts. The reference implementation refuses headers over 100 MB
 * so that a hostile file cannot make it parse gigabytes of JSON; we follow it.
 */
export const MAX_HEADER_BYTES = 100_000_000;

/** safetensors' name for each tapegrad dtype. */
export const SAFETENSORS_DTYPE: Readonly<Record<Dtype, string>> = { float64: 'F64', float32: 'F32', int32: 'I32' };

/** tapegrad's dtype for each safetensors name it can hold. */
export const DTYPE_OF_SAFETENSORS: Readonly<Record<string, Dtype>> = { F64: 'float64', F32: 'float32', I32: 'int32' };

/** Bytes per element of each dtype. */
export const ITEM_SIZE: Readonly<Record<Dtype, number>> = { float64: 8, float32: 4, int32: 4 };

/**
 * Why `name` cannot be a key in a checkpoint, or `undefined` when it can. Names with a segment
 * `__proto__`, `constructor` or `prototype` are refused (the same rule `Module` applies to its
 * own names): assigning `out['__proto__'] = …` replaces an object's prototype instead of adding a
 * key, and a loader that walks dotted names could be steered into built-ins.
 */
export function unsafeNameReason(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (reachesPrototype(name)) return 'is refused: a name with a __proto__, constructor or prototype segment could reach an object\'s prototype';
  return undefined;
}
