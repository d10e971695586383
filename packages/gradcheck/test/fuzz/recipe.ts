/**
 * A recipe says how the fuzzer uses one registry op: how to call it through the public API, how
 * to pick valid operands and attributes from the pool of values, and how to call it wrongly.
 * Every registered op needs one (the fuzz test fails naming any op without), the way every op
 * needs a `sample` for the property test.
 */
import type { Tensor } from '@tapegrad/tensor';
import type { Builder } from './builder.js';

/** The marker in `produces` for a call that may return its input unchanged (reshape to the same shape …). */
export const IDENTITY = 'identity';

export interface Recipe<A extends object = any> {
  /** The registry op name (or `project`, the output's internal recipe). */
  readonly op: string;
  /**
   * The primitive that records the node of the call's result: the op itself for a primitive, the
   * last primitive a composite runs (`mean` → `div`), or `IDENTITY` when the call may return its
   * input. The tape check compares the result's node with this.
   */
  readonly produces: readonly string[];
  /** Calls the op through its public API (or the registry entry, for ops that have none). */
  run(inputs: readonly Tensor[], attrs: A, consts: readonly Tensor[]): Tensor;
  /**
   * Positions of inputs read only through a comparison (`where`'s mask source): no gradient flows
   * to them, so for the output to depend on them they must be projected into it like unread values.
   */
  comparedOnly?(attrs: A): readonly number[];
  /**
   * True when the call, with these attrs, cuts the graph (a round trip through int32): its result
   * must have no tape node and not require grad, and no primitive of the call may be recorded.
   * Such a call's inputs should also be listed by `comparedOnly`, so the output still reads them.
   */
  cutsGraph?(attrs: A): boolean;
  /** Emits a valid call of the op, with whatever adapter steps it needs; false when it cannot here. */
  build?(b: Builder): boolean;
  /** Emits a call that must fail with a documented error; false when it cannot here. */
  misuse?(b: Builder): boolean;
}

/** Identity function that fixes a recipe's attrs type. */
export function recipe<A extends object>(definition: Recipe<A>): Recipe<A> {
  return definition;
}
