// examples/guides/data/dataset.ts
import type { Dataset } from '@tapegrad/data';
import { tensor } from '@tapegrad/tensor';

const toy: Dataset = {
  x: tensor([[0.5, 1], [1.5, -0.5], [2, 0]]), // features, one row per example: [N, ...]
  y: tensor([0, 1, 1], { dtype: 'int32' }),   // class labels, int32 [N]
};
console.log(`x ${JSON.stringify(toy.x.shape)} ${toy.x.dtype}, y ${JSON.stringify(toy.y.shape)} ${toy.y.dtype}`);
