/**
 * How a loss turns its per-element losses into what it returns: their mean (the default, as in
 * PyTorch), their sum, or all of them (`'none'`).
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';

/** `'mean'` averages the per-element losses, `'sum'` adds them, `'none'` returns them unreduced. */
export type Reduction = 'mean' | 'sum' | 'none';

/** The option every loss takes. */
export interface ReductionOptions {
  /** How to combine the per-element losses (default `'mean'`). */
  readonly reduction?: Reduction;
}

/** The reductions every loss accepts. */
export const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];

/**
 * Returns `reduction` when it is one of `allowed`; otherwise throws an error naming the loss, the
 * value given and the accepted ones. Runs before any computation, so a typo such as `'avg'`
 * fails at once rather than after a forward pass.
 */
export function checkReduction<R extends string>(op: string, reduction: unknown, allowed: readonly R[]): R {
  if (typeof reduction === 'string' && (allowed as readonly string[]).includes(reduction)) return reduction as R;
  const shown = typeof reduction === 'string' ? `'${reduction}'` : String(reduction);
  throw new Error(`${op}: reduction must be one of ${allowed.map((r) => `'${r}'`).join(', ')}, got ${shown}`);
}

/** Applies a checked reduction to per-element losses. */
export function reduceLosses(losses: Tensor, reduction: Reduction): Tensor {
  switch (reduction) {
    case 'mean':
      return losses.mean();
    case 'sum':
      return losses.sum();
    case 'none':
      return losses;
  }
}
