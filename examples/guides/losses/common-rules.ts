// examples/guides/losses/common-rules.ts
import { tensor, zeros } from '@tapegrad/tensor';
import { mse, multiclassHinge } from '@tapegrad/losses';

const attempts = [
  () => mse(zeros([64, 1]), zeros([64])),                        // no broadcasting
  () => multiclassHinge(zeros([5, 10]), [1, 2, 3, 10, 4]),       // a label outside [0, C)
  () => mse(zeros([2, 3]), zeros([2, 3]), { reduction: 'avg' as 'mean' }), // a misspelt reduction
];
for (const attempt of attempts) {
  try {
    attempt();
  } catch (error) {
    console.log((error as Error).message);
  }
}
// An empty batch: 'mean' is NaN (0/0), 'sum' is 0, 'none' is empty.
const [p, t] = [zeros([0, 3]), zeros([0, 3])];
console.log(mse(p, t).item(), mse(p, t, { reduction: 'sum' }).item(), JSON.stringify(mse(p, t, { reduction: 'none' }).shape));
console.log(mse(tensor([1, NaN]), tensor([0, 0])).item()); // NaN is not hidden
