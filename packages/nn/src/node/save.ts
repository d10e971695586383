/**
 * `save`: a model, and optionally its optimizer, to a safetensors file on disk.
 * @module
 */
import { encodeCheckpoint } from '../checkpoint/checkpoint.js';
import type { CheckpointModule, CheckpointOptimizer } from '../checkpoint/stateful.js';
import { writeFileAtomic } from './atomic-write.js';

/** Options of {@link save}. */
export interface SaveOptions {
  /**
   * Save this optimizer's state in the same file (its tensors under `optimizer.state.…`, its
   * step counts and hyperparameters as JSON in the metadata key `tapegrad.optimizer`), so that
   * `load(model, path, { optimizer })` resumes training where it stopped.
   */
  readonly optimizer?: CheckpointOptimizer;
  /** Free-form strings for the header's `__metadata__` (epoch, commit, notes); `load` returns them. */
  readonly metadata?: Readonly<Record<string, string>>;
}

/**
 * Saves `module.stateDict()` (and `optimizer`'s state) to `path` as a safetensors file, which
 * `load` reads back and Python opens with `safetensors.torch.load_file`.
 *
 * The write is atomic: the bytes go to a temporary file next to `path`, are flushed to disk,
 * and the temporary file is renamed over `path`. A crash or a full disk at any moment leaves the
 * previous checkpoint intact, never a truncated one (a crash may leave a `.<name>.<random>.tmp`
 * file behind, which is safe to delete).
 *
 * ```ts
 * import { save, load } from '@tapegrad/nn/node';
 * await save(model, 'model.safetensors', { optimizer, metadata: { epoch: String(epoch) } });
 * ```
 */
export async function save(module: CheckpointModule, path: string, options: SaveOptions = {}): Promise<void> {
  await writeFileAtomic(path, encodeCheckpoint(module, options));
}
