// examples/guides/data/split.ts
import { trainValTestSplit } from '@tapegrad/data';
import { loadIris } from '@tapegrad/data/node';
import type { Tensor } from '@tapegrad/tensor';

const iris = loadIris();
const { train, val, test } = trainValTestSplit(iris, { train: 0.6, val: 0.2, test: 0.2 }, { seed: 0 });
const perSpecies = (y: Tensor) => [0, 1, 2].map((label) => y.eq(label).sum().item()).join(' / ');
for (const [name, part] of Object.entries({ train, val, test })) {
  console.log(`${name}: ${part.y.shape[0]} rows, ${perSpecies(part.y)} of each species`);
}
