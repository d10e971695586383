// examples/guides/data/validation.ts
import { DataLoader } from '@tapegrad/data';
import { tensor, zeros } from '@tapegrad/tensor';

const unequalRows = { x: zeros([10, 2]), y: zeros([9], { dtype: 'int32' }) };
const nanFeature = { x: tensor([[1, 2, 3], [4, 5, 6], [7, NaN, 9], [1, 1, 1]]), y: zeros([4], { dtype: 'int32' }) };
for (const data of [unequalRows, nanFeature]) {
  try {
    new DataLoader(data, { batchSize: 4 });
  } catch (error) {
    console.log((error as Error).message);
  }
}
