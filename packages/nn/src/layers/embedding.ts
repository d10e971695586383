/**
 * `Embedding`: a lookup table from integer ids to learned vectors.
 * @module
 */
import { formatShape, type Tensor, zeros } from '@tapegrad/tensor';
import { checkPositiveInteger } from '../arguments.js';
import { normal_ } from '../init.js';
import { Module } from '../module.js';
import { Parameter } from '../parameter.js';

/**
 * A table of `numEmbeddings` vectors of length `embeddingDim`, as PyTorch's `nn.Embedding`:
 * `forward(indices)` with int32 `indices` of any shape returns `[...indices.shape, embeddingDim]`,
 * the rows of `weight` at those ids. The backward adds each output row's gradient into the row
 * it came from (`indexAdd`), so an id used twice gets both contributions. `weight` starts
 * N(0, 1), as PyTorch's.
 *
 * ```ts
 * const embed = new Embedding(1000, 64);
 * embed.forward(tensor([[3, 1, 4]], { dtype: 'int32' })).shape; // [1, 3, 64]
 * ```
 */
export class Embedding extends Module {
  /** Number of rows (valid ids are 0 … numEmbeddings − 1). */
  readonly numEmbeddings: number;
  /** Length of each vector. */
  readonly embeddingDim: number;
  /** The table, `[numEmbeddings, embeddingDim]`. */
  weight: Parameter;

  /** A table of `numEmbeddings` vectors of length `embeddingDim`, drawn from N(0, 1). */
  constructor(numEmbeddings: number, embeddingDim: number) {
    super();
    this.numEmbeddings = checkPositiveInteger('Embedding', 'numEmbeddings', numEmbeddings);
    this.embeddingDim = checkPositiveInteger('Embedding', 'embeddingDim', embeddingDim);
    this.weight = new Parameter(zeros([numEmbeddings, embeddingDim]));
    this.resetParameters();
  }

  /** Redraws the table from N(0, 1). */
  resetParameters(): void {
    normal_(this.weight);
  }

  /** The rows at `indices` (int32, any shape): `[...indices.shape, embeddingDim]`. */
  override forward(indices: Tensor): Tensor {
    const layer = `Embedding(${this.numEmbeddings}, ${this.embeddingDim})`;
    if (indices.dtype !== 'int32') {
      throw new Error(`${layer}: indices must be int32, got ${indices.dtype} ${formatShape(indices.shape)}; create them with { dtype: 'int32' } or .astype('int32')`);
    }
    const ids = indices.buffer;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] < 0 || ids[i] >= this.numEmbeddings) {
        throw new Error(
          `${layer}: index ${ids[i]} at position ${formatShape(positionOf(i, indices.shape))} of indices ${formatShape(indices.shape)} ` +
            `is out of range; valid ids are 0…${this.numEmbeddings - 1}`,
        );
      }
    }
    const rows = this.weight.indexSelect(0, indices.reshape([indices.size]));
    return rows.reshape([...indices.shape, this.embeddingDim]);
  }

  /** `numEmbeddings, embeddingDim`. */
  override extraRepr(): string {
    return `${this.numEmbeddings}, ${this.embeddingDim}`;
  }
}

/** The multi-index of row-major position `flat` in `shape`. */
function positionOf(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = flat % shape[axis];
    flat = Math.floor(flat / shape[axis]);
  }
  return index;
}
