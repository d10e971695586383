/**
 * A checkpoint: a model's state dict, and optionally its optimizer's state, in one safetensors
 * file. These are the browser-safe halves of `save` and `load` in `@tapegrad/nn/node`, which add
 * only the file system.
 * @module
 */
import { type Tensor, tensor } from '@tapegrad/tensor';
import { decodeSafetensors } from '../safetensors/decode.js';
import { toBytes } from '../safetensors/encode.js';
import { OPTIMIZER_METADATA_KEY, packOptimizerState, unpackOptimizerState } from './optimizer-state.js';
import type { LoadStateDictResult } from '../load-state-dict.js';
import type { CheckpointModule, CheckpointOptimizer, OptimizerStateDict } from './stateful.js';

/** The bytes of a checkpoint of `module` (and `optimizer`, when given), with `metadata` in the header. */
export function encodeCheckpoint(
  module: CheckpointModule,
  options: { readonly optimizer?: CheckpointOptimizer; readonly metadata?: Readonly<Record<string, string>> },
): Uint8Array {
  const metadata = { ...options.metadata };
  if (Object.hasOwn(metadata, OPTIMIZER_METADATA_KEY)) {
    throw new Error(`save: metadata key '${OPTIMIZER_METADATA_KEY}' is reserved for the optimizer state; choose another key`);
  }
  const tensors = { ...module.stateDict() };
  if (options.optimizer !== undefined) {
    const packed = packOptimizerState(options.optimizer.stateDict());
    for (const [name, value] of Object.entries(packed.tensors)) {
      if (Object.hasOwn(tensors, name)) {
        throw new Error(`save: the model has a tensor '${name}', the name under which the optimizer's state is stored; rename the model's 'optimizer' submodule`);
      }
      tensors[name] = value;
    }
    metadata[OPTIMIZER_METADATA_KEY] = packed.json;
  }
  return toBytes(tensors, { metadata });
}

/**
 * Checks the whole checkpoint in `bytes`, then loads it into `module` (and `optimizer`). Nothing
 * changes unless everything loads: the module validates before it writes, and if the optimizer
 * refuses its state the module is put back as it was. Returns the user's metadata and the keys
 * the module skipped (only a non-strict load skips any).
 */
export function restoreCheckpoint(
  module: CheckpointModule,
  bytes: Uint8Array,
  options: { readonly optimizer?: CheckpointOptimizer; readonly strict?: boolean },
  op: string,
): LoadStateDictResult & { metadata: Record<string, string> } {
  const { tensors, metadata } = decodeSafetensors(bytes, op);
  const { [OPTIMIZER_METADATA_KEY]: optimizerJson, ...userMetadata } = metadata;
  let optimizerState: OptimizerStateDict | undefined;
  let modelTensors = tensors;
  if (optimizerJson !== undefined) {
    const unpacked = unpackOptimizerState(optimizerJson, tensors, op);
    optimizerState = unpacked.dict;
    modelTensors = Object.fromEntries(Object.entries(tensors).filter(([name]) => !unpacked.tensorNames.has(name)));
  }
  const { optimizer, strict = true } = options;
  if (optimizer !== undefined && optimizerState === undefined) {
    throw new Error(`${op}: the file holds no optimizer state (it was saved without { optimizer }); nothing was loaded`);
  }
  const before = optimizer === undefined ? undefined : copyOf(module.stateDict());
  const skipped = rethrowAs(op, () => module.loadStateDict(modelTensors, { strict }));
  if (optimizer !== undefined) {
    try {
      optimizer.loadStateDict(optimizerState!);
    } catch (error) {
      module.loadStateDict(before!);
      throw new Error(`${op}: ${(error as Error).message} (the model was restored to its state before the load)`, { cause: error });
    }
  }
  return { metadata: userMetadata, missingKeys: skipped?.missingKeys ?? [], unexpectedKeys: skipped?.unexpectedKeys ?? [] };
}

/** Copies that cannot change when the model's tensors are written in place. */
function copyOf(dict: Readonly<Record<string, Tensor>>): Record<string, Tensor> {
  return Object.fromEntries(Object.entries(dict).map(([name, value]) => [name, tensor(value.data(), { shape: value.shape })]));
}

/** Runs `body`, prefixing any error with `op` (the file being loaded) and keeping the original as its cause. */
function rethrowAs<T>(op: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw new Error(`${op}: ${(error as Error).message}`, { cause: error });
  }
}
