/**
 * Reading and checking a safetensors header before any tensor data is touched. A file is treated
 * as hostile: every length and offset is checked against the file and against the others, so a
 * corrupt or crafted file gives an error naming the entry, never a read out of range or a
 * tensor that silently holds the wrong bytes.
 * @module
 */
import { type Dtype, formatShape, MAX_SIZE, sizeOf } from '@tapegrad/tensor';
import { DTYPE_OF_SAFETENSORS, HEADER_LENGTH_BYTES, ITEM_SIZE, MAX_HEADER_BYTES, METADATA_KEY, unsafeNameReason } from './format.js';
import { describeValue } from '../describe-value.js';
import { utf8Decoder } from './text-codec.js';

/** One tensor described by the header, with offsets relative to the data section. */
export interface HeaderEntry {
  readonly name: string;
  readonly dtype: Dtype;
  readonly shape: number[];
  readonly begin: number;
  readonly end: number;
}

/** A checked header: tensors in data order, the metadata, and where the data section starts. */
export interface ParsedHeader {
  readonly entries: HeaderEntry[];
  readonly metadata: Record<string, string>;
  readonly dataStart: number;
}

const OPEN_BRACE = 0x7b;

/**
 * Parses the header of the safetensors file in `bytes` and checks it against the file's length.
 * `op` starts every error message (`fromBytes`, or `load('model.safetensors')`).
 */
export function parseHeader(bytes: Uint8Array, op: string): ParsedHeader {
  if (bytes.length < HEADER_LENGTH_BYTES) {
    throw new Error(`${op}: the file has ${bytes.length} bytes, fewer than the 8-byte header length every safetensors file starts with (truncated, or not a safetensors file)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  if (headerLength > MAX_HEADER_BYTES) {
    throw new Error(`${op}: header length ${headerLength} exceeds the ${MAX_HEADER_BYTES}-byte limit safetensors readers enforce (corrupt, or not a safetensors file)`);
  }
  const dataStart = HEADER_LENGTH_BYTES + headerLength;
  if (dataStart > bytes.length) {
    throw new Error(`${op}: header length ${headerLength} runs past the end of the ${bytes.length}-byte file (truncated, or not a safetensors file)`);
  }
  const headerBytes = bytes.subarray(HEADER_LENGTH_BYTES, dataStart);
  if (headerBytes[0] !== OPEN_BRACE) {
    throw new Error(`${op}: the header does not start with '{' (corrupt, or not a safetensors file)`);
  }
  let text: string;
  try {
    text = utf8Decoder.decode(headerBytes);
  } catch {
    throw new Error(`${op}: the header is not valid UTF-8 (corrupt file)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${op}: the header is not valid JSON (${(error as Error).message}); the file is corrupt`);
  }
  if (!isPlainObject(json)) throw new Error(`${op}: the header is ${describeValue(json)}, not a JSON object`);

  const dataLength = bytes.length - dataStart;
  let metadata: Record<string, string> = {};
  const entries: HeaderEntry[] = [];
  for (const [name, info] of Object.entries(json)) {
    if (name === METADATA_KEY) metadata = parseMetadata(info, op);
    else entries.push(parseEntry(name, info, dataLength, op));
  }
  checkLayout(entries, dataLength, op);
  return { entries, metadata, dataStart };
}

function parseMetadata(info: unknown, op: string): Record<string, string> {
  if (!isPlainObject(info)) throw new Error(`${op}: '${METADATA_KEY}' is ${describeValue(info)}; it must map strings to strings`);
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(info)) {
    const reason = unsafeNameReason(key);
    if (reason !== undefined) throw new Error(`${op}: metadata key '${key}' ${reason}`);
    if (typeof value !== 'string') throw new Error(`${op}: metadata '${key}' is ${describeValue(value)}; metadata values must be strings`);
    metadata[key] = value;
  }
  return metadata;
}

/** One tensor's header entry, checked on its own: name, dtype, shape, and offsets that fit both shape and file. */
function parseEntry(name: string, info: unknown, dataLength: number, op: string): HeaderEntry {
  const reason = unsafeNameReason(name);
  if (reason !== undefined) throw new Error(`${op}: tensor name '${name}' ${reason}`);
  if (!isPlainObject(info)) throw new Error(`${op}: '${name}' is ${describeValue(info)}, not an object with dtype, shape and data_offsets`);
  const { dtype: rawDtype, shape: rawShape, data_offsets: rawOffsets } = info;

  if (typeof rawDtype !== 'string' || !Object.hasOwn(DTYPE_OF_SAFETENSORS, rawDtype)) {
    throw new Error(
      `${op}: '${name}' has dtype ${JSON.stringify(rawDtype)}, which tapegrad cannot hold; ` +
        `supported: ${Object.keys(DTYPE_OF_SAFETENSORS).join(', ')} (convert in Python before saving: .float() for floats, .int() for integers)`,
    );
  }
  const dtype = DTYPE_OF_SAFETENSORS[rawDtype];

  if (!Array.isArray(rawShape) || !rawShape.every((extent) => Number.isSafeInteger(extent) && extent >= 0)) {
    throw new Error(`${op}: '${name}' has shape ${JSON.stringify(rawShape)}; a shape is an array of integers ≥ 0`);
  }
  const shape = rawShape as number[];
  // sizeOf, not a plain product: with a 0 after extents whose product overflowed, Infinity · 0 is NaN.
  const size = sizeOf(shape);
  if (size > MAX_SIZE) {
    throw new Error(`${op}: '${name}' has shape ${formatShape(shape)}, ${size} elements, more than the ${MAX_SIZE} a tensor can hold`);
  }

  if (!Array.isArray(rawOffsets) || rawOffsets.length !== 2 || !rawOffsets.every((offset) => Number.isSafeInteger(offset) && offset >= 0)) {
    throw new Error(`${op}: '${name}' has data_offsets ${JSON.stringify(rawOffsets)}; expected [begin, end], integers ≥ 0`);
  }
  const [begin, end] = rawOffsets as [number, number];
  const offsets = `data_offsets [${begin}, ${end}]`;
  if (end < begin) throw new Error(`${op}: '${name}' has ${offsets}, which end before they begin`);
  const needed = size * ITEM_SIZE[dtype];
  if (end - begin !== needed) {
    throw new Error(
      `${op}: '${name}' ${offsets} span ${end - begin} bytes but shape ${formatShape(shape)} ${rawDtype} needs ` +
        `${size} elements × ${ITEM_SIZE[dtype]} bytes = ${needed}`,
    );
  }
  if (end > dataLength) {
    throw new Error(`${op}: '${name}' ${offsets} run past the end of the data section (${dataLength} bytes); the file is truncated`);
  }
  return { name, dtype, shape, begin, end };
}

/**
 * Checks that the tensors tile the data section exactly, as the format requires: no two
 * overlapping (one byte read as two tensors) and no bytes belonging to none (room for a
 * polyglot file, or the sign of a lost header entry). Sorts `entries` into data order.
 */
function checkLayout(entries: HeaderEntry[], dataLength: number, op: string): void {
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  let previous: HeaderEntry | undefined;
  for (const entry of entries) {
    if (entry.begin < covered) {
      throw new Error(`${op}: '${entry.name}' data_offsets [${entry.begin}, ${entry.end}] overlap '${previous!.name}' [${previous!.begin}, ${previous!.end}]`);
    }
    if (entry.begin > covered) {
      throw new Error(`${op}: bytes [${covered}, ${entry.begin}) of the data section, before '${entry.name}', belong to no tensor (corrupt offsets, or a duplicated key in the header)`);
    }
    covered = entry.end;
    previous = entry;
  }
  if (covered !== dataLength) {
    throw new Error(`${op}: the last ${dataLength - covered} bytes of the data section belong to no tensor (the header lists ${covered} bytes of tensors, the file holds ${dataLength})`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
