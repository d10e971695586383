// examples/guides/regularization/penalties.ts
import { manualSeed, tensor, type Tensor } from '@tapegrad/tensor';
import { elasticNet, l1Penalty, l2Penalty } from '@tapegrad/losses';
import { Linear, ReLU, Sequential } from '@tapegrad/nn';

const lambda = 0.1;
const penalties: [string, (w: Tensor) => Tensor][] = [
  ['L2, λ Σ w²', (w) => l2Penalty(w, lambda)],
  ['L1, λ Σ |w|', (w) => l1Penalty(w, lambda)],
  ['elastic net, λ Σ |w| + λβ Σ w², β = ½', (w) => elasticNet(w, { l1: lambda, l2: lambda / 2 })],
];
for (const [name, penalty] of penalties) {
  const w = tensor([2, -0.5, 0], { requiresGrad: true }); // λ = 0.1
  const value = penalty(w);
  value.backward();
  console.log(`${name}\n  penalty ${value.item().toFixed(3)}, gradient ${w.grad!.toString()}`);
}

// Regularise the weights, not the biases: pick them out of a model by name.
manualSeed(0);
const model = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
const named = model.namedParameters().filter(([name]) => name.endsWith('weight'));
console.log(`penalised: ${named.map(([name]) => name).join(', ')}`);
console.log(`λ Σ W² over them: ${l2Penalty(named.map(([, p]) => p), lambda).item().toFixed(4)}`);
