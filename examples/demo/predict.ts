/**
 * A network's predicted digits for a whole split, the one way the demo and its tests evaluate a
 * model, so the labels the test recomputes from a saved checkpoint are computed the same way.
 */
import { concat, noGrad, type Tensor } from '@tapegrad/tensor';
import type { Module } from '@tapegrad/nn';

/** A module that maps rows of features `[N, D]` to class scores `[N, C]`: each demo model but KNN. */
export interface ScoreModel extends Module {
  forward(x: Tensor): Tensor;
}

/** Rows per forward pass: large products run fastest, and the CNN's activations stay small. */
const ROWS_PER_PASS = 500;

/** The highest-scoring class of each row of `x`, int32 `[N]`, with `model` in eval mode and nothing recorded. */
export function predictLabels(model: ScoreModel, x: Tensor): Tensor {
  model.eval();
  const rows = x.shape[0];
  return noGrad(() => {
    const parts: Tensor[] = [];
    for (let start = 0; start < rows; start += ROWS_PER_PASS) {
      parts.push(model.forward(x.slice([start], [Math.min(start + ROWS_PER_PASS, rows)])).argmax(1));
    }
    return concat(parts);
  });
}
