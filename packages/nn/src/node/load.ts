/**
 * `load`: a safetensors file from disk into a model, and optionally its optimizer.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { restoreCheckpoint } from '../checkpoint/checkpoint.js';
import type { CheckpointModule, CheckpointOptimizer } from '../checkpoint/stateful.js';
import type { LoadStateDictResult } from '../load-state-dict.js';

/** Options of {@link load}. */
export interface LoadOptions {
  /** Restore this optimizer's state too; the file must have been saved with `{ optimizer }`. */
  readonly optimizer?: CheckpointOptimizer;
  /**
   * Require the file's tensors to match the model's keys exactly (default true). With false,
   * keys only one side has are skipped, as in `Module.loadStateDict`; shapes and dtypes of the
   * keys both have must still match.
   */
  readonly strict?: boolean;
}

/**
 * What {@link load} returns besides loading the model: the metadata, and with `strict: false`
 * the `missingKeys` (the model's, left as they were) and `unexpectedKeys` (the file's, ignored).
 */
export interface LoadedCheckpoint extends LoadStateDictResult {
  /** The metadata passed to `save` (or written by another tool), without tapegrad's own keys. */
  readonly metadata: Record<string, string>;
}

/**
 * Loads the safetensors file at `path` into `module` (and `optimizer`). The whole file is read
 * and checked before the model is touched, and the model checks every key, shape and dtype
 * before it writes, so a truncated or corrupt file, a missing or unexpected key (under
 * `strict`), or a shape or dtype mismatch throws an error naming the file and the key, and
 * leaves the model (and optimizer) exactly as they were.
 *
 * ```ts
 * const { metadata } = await load(model, 'model.safetensors', { optimizer });
 * const { missingKeys, unexpectedKeys } = await load(model, 'pretrained.safetensors', { strict: false });
 * ```
 */
export async function load(module: CheckpointModule, path: string, options: LoadOptions = {}): Promise<LoadedCheckpoint> {
  const bytes = await readFile(path);
  return restoreCheckpoint(module, bytes, options, `load('${path}')`);
}
