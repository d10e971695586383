// examples/guides/optimizers/loop.ts
import { Linear } from '@tapegrad/nn';
import { mse } from '@tapegrad/losses';
import { Adam } from '@tapegrad/optim';
import { manualSeed, randn, tensor } from '@tapegrad/tensor';

// Recover y = 2·x₀ − 3·x₁ + 1 from 64 noisy examples.
manualSeed(0);
const x = randn([64, 2]);
const y = x.matmul(tensor([[2], [-3]])).add(1).add(randn([64, 1]).mul(0.01));
const model = new Linear(2, 1);

const optimizer = new Adam(model.parameters(), { lr: 0.1 });
for (let step = 1; step <= 200; step++) {
  optimizer.zeroGrad(); //                       every .grad ← null
  const loss = mse(model.forward(x), y);
  loss.backward(); //                            fills .grad
  optimizer.step(); //                           updates every parameter that has a gradient
  if (step % 50 === 0) console.log(`step ${step}: loss ${loss.item().toFixed(5)}`);
}
console.log(`weight ${model.weight.toString()}, bias ${model.bias!.toString()}`);
