// examples/guides/optimizers/clipping.ts
import { clipGradNorm, clipGradValue } from '@tapegrad/optim';
import { tensor, type Tensor } from '@tapegrad/tensor';

/** Two parameters whose gradients are [3, 4] and [12]: total 2-norm 13. */
function withGradients(): Tensor[] {
  const a = tensor([0, 0], { requiresGrad: true });
  const b = tensor([0], { requiresGrad: true });
  a.mul(tensor([3, 4])).sum().add(b.mul(12).sum()).backward();
  return [a, b];
}

let params = withGradients();
const norm = clipGradNorm(params, 1.0); // one norm over all entries; scaled by 1/(13 + 1e-6) when above 1
console.log(`clipGradNorm: norm before ${norm}, gradients after ${params.map((p) => p.grad!.toString()).join(' ')}`);

params = withGradients();
console.log(`∞-norm (largest |g|): ${clipGradNorm(params, 20, { normType: Infinity })}`);

params = withGradients();
clipGradValue(params, 3.5); // each entry clamped to [−3.5, 3.5]: the direction can change
console.log(`clipGradValue: ${params.map((p) => p.grad!.toString()).join(' ')}`);
