// examples/guides/data/split-rounding.ts
import { trainValTestSplit } from '@tapegrad/data';
import { loadIris } from '@tapegrad/data/node';
import { tensor, zeros } from '@tapegrad/tensor';

const parts = trainValTestSplit(loadIris(), { train: 0.7, val: 0.15, test: 0.15 }, { seed: 0 });
console.log(Object.values(parts).map((part) => part.y.shape[0]).join(' / '));
try {
  const tenRows = { x: zeros([10, 1]), y: tensor([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], { dtype: 'int32' }) };
  trainValTestSplit(tenRows, { train: 0.9, val: 0.04, test: 0.06 });
} catch (error) {
  console.log((error as Error).message);
}
