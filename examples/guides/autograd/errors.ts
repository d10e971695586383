// examples/guides/autograd/errors.ts
import { tensor, zeros } from '@tapegrad/tensor';

const attempts = [
  () => zeros([64, 784], { label: 'x' }).matmul(zeros([256, 10], { label: 'W2' })),
  () => zeros([2, 3], { label: 'a' }).add(zeros([4], { label: 'b' })),
  () => tensor([1, 2, 3], { requiresGrad: true }).mul(2).backward(),
];
for (const attempt of attempts) {
  try {
    attempt();
  } catch (error) {
    console.log((error as Error).message);
  }
}
