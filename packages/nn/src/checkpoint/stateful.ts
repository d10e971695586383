/**
 * What a checkpoint needs from a model and an optimizer, stated structurally so that `nn` does
 * not depend on `@tapegrad/optim`: any object with these methods can be saved and loaded.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import type { LoadStateDictResult } from '../load-state-dict.js';

/** A model that can be checkpointed; every `Module` is one. */
export interface CheckpointModule {
  /** The tensors to save, by dotted name (`'0.weight'`). */
  stateDict(): Record<string, Tensor>;
  /**
   * Replaces the model's tensors with `dict`'s, after checking every key, shape and dtype
   * (`strict`: the keys must match exactly), so that a failed load changes nothing. Returns the
   * keys it skipped, as `Module.loadStateDict` does (or nothing, when it does not track them).
   */
  loadStateDict(dict: Record<string, Tensor>, options?: { readonly strict?: boolean }): LoadStateDictResult | void;
}

/**
 * An optimizer's state as `stateDict()` returns it (PyTorch's layout): per-parameter state by
 * parameter index (`{ '0': { step: 3, expAvg: Tensor, expAvgSq: Tensor } }`) and the
 * hyperparameters of each parameter group, with the indices of its parameters.
 */
export interface OptimizerStateDict {
  /** Per-parameter state, keyed by the parameter's index across all groups. */
  state: Record<string, Record<string, Tensor | number>>;
  /** Each group's hyperparameters, and `params`: the indices of the parameters in it. */
  paramGroups: Array<Record<string, number | boolean | number[] | string> & { params: number[] }>;
}

/** An optimizer that can be checkpointed with its model; every `@tapegrad/optim` optimizer is one. */
export interface CheckpointOptimizer {
  /** The optimizer's state, to save. */
  stateDict(): OptimizerStateDict;
  /** Restores state that `stateDict()` returned. */
  loadStateDict(dict: OptimizerStateDict): void;
}
