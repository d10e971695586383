// examples/guides/tensors/broadcasting.ts
import { arange, ones, zeros } from '@tapegrad/tensor';

const shape = (t: { shape: readonly number[] }) => JSON.stringify(t.shape);
console.log('[64,10] + [10] →', shape(zeros([64, 10]).add(ones([10]))));   // a bias added to every row
const a = arange(12).reshape([3, 4]);
console.log('a − a[:, :1] =', a.sub(a.slice([0, 0], [3, 1])).toString()); // [3,4] − [3,1]: each row's own first value
try {
  zeros([2, 3]).add(zeros([4]));
} catch (error) {
  console.log((error as Error).message);
}
