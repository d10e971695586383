/**
 * Gradients as the walk-through prints them: a small tensor by its values, written as the graph
 * drawings write them, and a large one by its shape only, so a table row stays one screen wide.
 * @module
 */
import { formatShape, type Tensor } from '@tapegrad/tensor';
import { formatValues } from '../graph/number-format.js';
import { DEFAULT_MAX_VALUES } from '../graph/options.js';

/**
 * A scalar as a number (`-4`, `0.1966`), a tensor of up to the drawings' default `maxValues`
 * elements as `[[1, 2], [3, 4]]`, a larger one as `[64,10] float64`.
 */
export function formatValue(x: Tensor): string {
  return x.size > DEFAULT_MAX_VALUES ? `${formatShape(x.shape)} ${x.dtype}` : formatValues(x);
}
