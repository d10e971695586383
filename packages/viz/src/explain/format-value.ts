/**
 * Gradients as the walk-through prints them: a small tensor by its values, written as the graph
 * drawings write them, and a large one by its shape only, so a table row stays one screen wide.
 * @module
 */
import { formatShape, type Tensor } from '@tapegrad/tensor';
import { formatValues } from '../graph/number-format.js';

/** Tensors up to this many elements are printed with their values (the drawings' default too). */
const MAX_PRINTED_VALUES = 6;

/** A scalar as a number (`-4`, `0.1966`), a small tensor as `[[1, 2], [3, 4]]`, a large one as `[64,10] float64`. */
export function formatValue(x: Tensor): string {
  return x.size > MAX_PRINTED_VALUES ? `${formatShape(x.shape)} ${x.dtype}` : formatValues(x);
}
