/**
 * Writing tensors as one safetensors file: `toBytes`.
 * @module
 */
import { Tensor } from '@tapegrad/tensor';
import { writeLittleEndian } from './byte-order.js';
import { HEADER_LENGTH_BYTES, ITEM_SIZE, METADATA_KEY, SAFETENSORS_DTYPE, unsafeNameReason } from './format.js';
import { describeValue } from '../describe-value.js';
import { utf8Encoder } from './text-codec.js';

/** Anything with a state dict, such as a `Module`: `toBytes` saves what its `stateDict()` returns. */
export interface HasStateDict {
  /** The named tensors to save, as `Module.stateDict()` returns them. */
  stateDict(): Record<string, Tensor>;
}

/** Options of {@link toBytes}. */
export interface ToBytesOptions {
  /**
   * Free-form strings stored in the header's `__metadata__` (a training step, a git commit, a
   * description); `fromBytes` returns them, and Python reads them with `safe_open(...).metadata()`.
   */
  readonly metadata?: Readonly<Record<string, string>>;
}

/** One tensor's place in the file being written. */
interface PlannedTensor {
  readonly name: string;
  readonly tensor: Tensor;
  readonly begin: number;
  readonly end: number;
}

/**
 * Serialises named tensors, or a module's `stateDict()`, to the bytes of a safetensors file
 * (https://github.com/huggingface/safetensors): an 8-byte little-endian header length, a JSON
 * header padded with spaces to a multiple of 8, then every tensor's elements, little-endian and
 * row-major, back to back. The result opens in Python with `safetensors.torch.load_file`, and
 * in any browser or Node with {@link fromBytes}.
 *
 * Tensors are laid out widest dtype first (float64, then float32 and int32), keeping the given
 * order within a dtype, so that every tensor starts at a multiple of its element size and
 * readers that map the file can view it without copying.
 *
 * ```ts
 * const bytes = toBytes(model, { metadata: { epoch: '12' } });
 * const { tensors, metadata } = fromBytes(bytes);
 * ```
 */
export function toBytes(source: Readonly<Record<string, Tensor>> | HasStateDict, options: ToBytesOptions = {}): Uint8Array {
  const tensors = hasStateDict(source) ? source.stateDict() : source;
  const planned = plan(tensors);
  const header = encodeHeader(planned, options.metadata ?? {});
  const dataBytes = planned.length === 0 ? 0 : planned[planned.length - 1].end;
  const out = new Uint8Array(HEADER_LENGTH_BYTES + header.length + dataBytes);
  const view = new DataView(out.buffer);
  // A u64 written as two u32 halves: DataView's BigInt setter would be the only BigInt use here.
  view.setUint32(0, header.length % 2 ** 32, true);
  view.setUint32(4, Math.floor(header.length / 2 ** 32), true);
  out.set(header, HEADER_LENGTH_BYTES);
  const dataStart = HEADER_LENGTH_BYTES + header.length;
  for (const { tensor, begin, end } of planned) {
    writeLittleEndian(tensor.buffer, out.subarray(dataStart + begin, dataStart + end));
  }
  return out;
}

function hasStateDict(source: Readonly<Record<string, Tensor>> | HasStateDict): source is HasStateDict {
  return typeof (source as Partial<HasStateDict>).stateDict === 'function';
}

/** Checks every name and value, and gives each tensor its byte range in the data section. */
function plan(tensors: Readonly<Record<string, Tensor>>): PlannedTensor[] {
  const named = Object.entries(tensors).map(([name, tensor]) => {
    checkName('tensor name', name);
    if (name === METADATA_KEY) throw new Error(`toBytes: '${METADATA_KEY}' is reserved for metadata and cannot name a tensor`);
    if (!(tensor instanceof Tensor)) {
      throw new Error(`toBytes: '${name}' is ${describeValue(tensor)}, not a Tensor`);
    }
    return { name, tensor };
  });
  // Array.prototype.sort is stable, so tensors of one dtype keep their given order.
  named.sort((a, b) => ITEM_SIZE[b.tensor.dtype] - ITEM_SIZE[a.tensor.dtype]);
  let offset = 0;
  return named.map(({ name, tensor }) => {
    const begin = offset;
    offset += tensor.size * ITEM_SIZE[tensor.dtype];
    return { name, tensor, begin, end: offset };
  });
}

/** The JSON header as UTF-8, padded with spaces so the data section starts 8-byte aligned. */
function encodeHeader(planned: readonly PlannedTensor[], metadata: Readonly<Record<string, string>>): Uint8Array {
  // Built entry by entry rather than with one JSON.stringify of an object, because JS objects
  // list integer-like keys ('0', '1') first; this keeps the header in data order.
  const parts: string[] = [];
  const metadataEntries = Object.entries(metadata);
  if (metadataEntries.length > 0) {
    for (const [key, value] of metadataEntries) {
      checkName('metadata key', key);
      if (typeof value !== 'string') {
        throw new Error(`toBytes: metadata '${key}' is ${describeValue(value)}; safetensors metadata values must be strings (use JSON.stringify for structured values)`);
      }
    }
    const fields = metadataEntries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
    parts.push(`${JSON.stringify(METADATA_KEY)}:{${fields.join(',')}}`);
  }
  for (const { name, tensor, begin, end } of planned) {
    const info = `{"dtype":"${SAFETENSORS_DTYPE[tensor.dtype]}","shape":${JSON.stringify(tensor.shape)},"data_offsets":[${begin},${end}]}`;
    parts.push(`${JSON.stringify(name)}:${info}`);
  }
  const json = utf8Encoder.encode(`{${parts.join(',')}}`);
  const padded = new Uint8Array(Math.ceil(json.length / HEADER_LENGTH_BYTES) * HEADER_LENGTH_BYTES).fill(0x20);
  padded.set(json);
  return padded;
}

function checkName(what: string, name: string): void {
  const reason = unsafeNameReason(name);
  if (reason !== undefined) throw new Error(`toBytes: ${what} '${name}' ${reason}`);
}
