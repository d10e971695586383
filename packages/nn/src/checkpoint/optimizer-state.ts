/**
 * An optimizer's state inside a safetensors file. safetensors holds only tensors and string
 * metadata, so the state dict is split in two: its tensors go into the file under
 * `optimizer.<path>` (`optimizer.state.0.expAvg`), and everything else (step counts,
 * hyperparameters, parameter groups) goes into one JSON metadata string where each tensor is
 * replaced by `{ "$tensor": "<its name in the file>" }`. Numbers JSON cannot spell (NaN, ±Infinity,
 * −0) are written as `{ "$number": "NaN" }`, so the state comes back exactly as it was saved.
 * @module
 */
import { Tensor } from '@tapegrad/tensor';
import { describeValue } from '../describe-value.js';
import { unsafeNameReason } from '../safetensors/format.js';
import type { OptimizerStateDict } from './stateful.js';

/** The metadata key holding the optimizer state's JSON. */
export const OPTIMIZER_METADATA_KEY = 'tapegrad.optimizer';

/** Names of the optimizer's tensors in the file start with this. */
const TENSOR_PREFIX = 'optimizer.';

/** Bumped if the JSON layout ever changes, so an old reader refuses a new file instead of misreading it. */
const LAYOUT_VERSION = 1;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An optimizer's state split into tensors for the file and the JSON for the metadata. */
export interface PackedOptimizerState {
  readonly tensors: Record<string, Tensor>;
  readonly json: string;
}

/** Splits `dict` into named tensors and a JSON string that refers to them. */
export function packOptimizerState(dict: OptimizerStateDict): PackedOptimizerState {
  const tensors: Record<string, Tensor> = {};
  const layout = { version: LAYOUT_VERSION, state: pack(dict.state, ['state'], tensors), paramGroups: pack(dict.paramGroups, ['paramGroups'], tensors) };
  return { tensors, json: JSON.stringify(layout) };
}

function pack(value: unknown, path: readonly string[], tensors: Record<string, Tensor>): Json {
  if (value instanceof Tensor) {
    const name = TENSOR_PREFIX + path.join('.');
    tensors[name] = value;
    return { $tensor: name };
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) && !Object.is(value, -0) ? value : { $number: Object.is(value, -0) ? '-0' : String(value) };
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) return value.map((item, i) => pack(item, [...path, String(i)], tensors));
  if (typeof value === 'object' && value.constructor === Object) {
    const out: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value)) {
      const reason = unsafeNameReason(key);
      if (reason !== undefined) throw new Error(`save: optimizer state key '${[...path, key].join('.')}' ${reason}`);
      out[key] = pack(item, [...path, key], tensors);
    }
    return out;
  }
  throw new Error(`save: optimizer state '${path.join('.')}' is ${describeValue(value)}; a checkpoint holds tensors, numbers, strings, booleans, arrays and plain objects`);
}

/** The optimizer state rebuilt from its JSON and the file's tensors, and which tensors it used. */
export interface UnpackedOptimizerState {
  readonly dict: OptimizerStateDict;
  readonly tensorNames: ReadonlySet<string>;
}

/**
 * Rebuilds the optimizer state dict from the metadata JSON and the file's tensors, checking its
 * layout, so that a corrupt file fails here and not halfway through `optimizer.loadStateDict`.
 */
export function unpackOptimizerState(json: string, tensors: Readonly<Record<string, Tensor>>, op: string): UnpackedOptimizerState {
  const fail = (what: string): never => {
    throw new Error(`${op}: the optimizer state in metadata '${OPTIMIZER_METADATA_KEY}' ${what}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return fail(`is not valid JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(parsed)) return fail(`is ${describeValue(parsed)}, not an object`);
  if (parsed.version !== LAYOUT_VERSION) {
    return fail(`has layout version ${JSON.stringify(parsed.version)}; this tapegrad reads version ${LAYOUT_VERSION} (a newer tapegrad wrote the file?)`);
  }
  const tensorNames = new Set<string>();
  const unpack = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) return value.map((item, i) => unpack(item, `${path}.${i}`));
    if (!isPlainObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$tensor') {
      const name = value.$tensor;
      if (typeof name !== 'string' || !name.startsWith(TENSOR_PREFIX) || !Object.hasOwn(tensors, name)) return fail(`refers at '${path}' to tensor ${JSON.stringify(name)}, which the file does not hold under '${TENSOR_PREFIX}…'`);
      if (tensorNames.has(name)) return fail(`refers to tensor '${name}' twice`);
      tensorNames.add(name);
      return tensors[name];
    }
    if (keys.length === 1 && keys[0] === '$number') {
      const spelled = value.$number;
      if (spelled !== 'NaN' && spelled !== 'Infinity' && spelled !== '-Infinity' && spelled !== '-0') return fail(`has an unknown number ${JSON.stringify(spelled)} at '${path}'`);
      return Number(spelled);
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const reason = unsafeNameReason(key);
      if (reason !== undefined) return fail(`has a key '${path}.${key}' that ${reason}`);
      out[key] = unpack(value[key], `${path}.${key}`);
    }
    return out;
  };

  const state = unpack(parsed.state, 'state');
  if (!isPlainObject(state)) return fail(`has 'state' ${describeValue(state)}, not an object`);
  for (const [index, entry] of Object.entries(state)) {
    if (!isPlainObject(entry)) return fail(`has 'state.${index}' ${describeValue(entry)}, not an object`);
    for (const [field, item] of Object.entries(entry)) {
      if (typeof item !== 'number' && !(item instanceof Tensor)) return fail(`has 'state.${index}.${field}' ${describeValue(item)}, not a number or tensor`);
    }
  }
  const paramGroups = unpack(parsed.paramGroups, 'paramGroups');
  if (!Array.isArray(paramGroups)) return fail(`has 'paramGroups' ${describeValue(paramGroups)}, not an array`);
  paramGroups.forEach((group: unknown, i) => {
    if (!isPlainObject(group)) return fail(`has 'paramGroups.${i}' ${describeValue(group)}, not an object`);
    const params = group.params;
    if (!Array.isArray(params) || !params.every((index) => Number.isSafeInteger(index) && index >= 0)) {
      return fail(`has 'paramGroups.${i}.params' ${JSON.stringify(params)}, not an array of parameter indices`);
    }
  });
  return { dict: { state, paramGroups } as OptimizerStateDict, tensorNames };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Tensor);
}
