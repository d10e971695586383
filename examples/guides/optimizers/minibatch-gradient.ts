// examples/guides/optimizers/minibatch-gradient.ts
import { manualSeed, randn, type Tensor } from '@tapegrad/tensor';
import { blobs, DataLoader, type Dataset } from '@tapegrad/data';
import { softmaxCrossEntropy } from '@tapegrad/losses';

// A softmax classifier's loss on 10,000 examples of 20 features in 10 classes, at random weights.
const data = blobs({ n: 10_000, centers: 10, features: 20, std: 4, seed: 0 });
manualSeed(0);
const W = randn([20, 10]).mul(0.01).requiresGrad_();

/** ∇_W of the mean loss over `batch`: (1/B) Σ_i ∇_W L_i. */
function gradient({ x, y }: Dataset): Tensor {
  W.grad = null;
  softmaxCrossEntropy(x.matmul(W), y).backward();
  return W.grad!;
}
const full = gradient(data); // the gradient of the objective: every example, once
const norm = (t: Tensor): number => t.pow(2).sum().sqrt().item();

console.log('batch   work per step   cosine with the full gradient   relative error (mean of 20 batches)');
for (const batchSize of [1, 10, 100, 1000]) {
  let [cosine, error, count] = [0, 0, 0];
  const loader = new DataLoader(data, { batchSize, shuffle: true, seed: 0 });
  while (count < 20) {
    for (const batch of loader) {
      const g = gradient(batch);
      cosine += g.mul(full).sum().item() / (norm(g) * norm(full));
      error += norm(g.sub(full)) / norm(full);
      if (++count === 20) break;
    }
  }
  const share = `${(100 * batchSize) / 10_000} %`;
  console.log(`${String(batchSize).padStart(5)}   ${share.padStart(13)}   ${(cosine / 20).toFixed(2).padStart(29)}   ${(error / 20).toFixed(2).padStart(16)}`);
}
