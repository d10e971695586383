/**
 * Reading a safetensors file back into tensors: `fromBytes`.
 * @module
 */
import { type Tensor, tensor } from '@tapegrad/tensor';
import { readLittleEndian } from './byte-order.js';
import { parseHeader } from './header.js';

/** What {@link fromBytes} returns: the tensors by name and the header's `__metadata__` strings. */
export interface DecodedTensors {
  /** Every tensor in the file, by name, in the order their data appears. */
  readonly tensors: Record<string, Tensor>;
  /** The `__metadata__` strings (empty when the file has none). */
  readonly metadata: Record<string, string>;
}

/**
 * Parses the bytes of a safetensors file (from {@link toBytes}, PyTorch's
 * `safetensors.torch.save_file`, or any other writer) into tensors. The whole header is checked
 * before any tensor is built, and every problem is an error naming the entry and what is wrong:
 * a header length past the end of the file, invalid UTF-8 or JSON, a dtype tapegrad cannot hold
 * (F64, F32 and I32 are supported), data_offsets that do not match shape × element size,
 * overlapping ranges, bytes no tensor claims, truncated data, and the names `__proto__`,
 * `constructor` and `prototype`. Values are not checked: NaN and ±Inf are legal data.
 *
 * The tensors own their memory (nothing is shared with `bytes`).
 *
 * ```ts
 * const { tensors, metadata } = fromBytes(new Uint8Array(await (await fetch(url)).arrayBuffer()));
 * model.loadStateDict(tensors);
 * ```
 */
export function fromBytes(bytes: Uint8Array | ArrayBuffer): DecodedTensors {
  return decodeSafetensors(bytes, 'fromBytes');
}

/** `fromBytes` with errors that start with `op`, so `load` can name the file it read. */
export function decodeSafetensors(bytes: Uint8Array | ArrayBuffer, op: string): DecodedTensors {
  const view = toUint8Array(bytes, op);
  const { entries, metadata, dataStart } = parseHeader(view, op);
  const tensors: Record<string, Tensor> = {};
  for (const { name, dtype, shape, begin, end } of entries) {
    const values = readLittleEndian(view.subarray(dataStart + begin, dataStart + end), dtype);
    tensors[name] = tensor(values, { shape });
  }
  return { tensors, metadata };
}

function toUint8Array(bytes: Uint8Array | ArrayBuffer, op: string): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  throw new Error(`${op}: expected a Uint8Array or ArrayBuffer holding a safetensors file, got ${bytes === null ? 'null' : typeof bytes}`);
}
