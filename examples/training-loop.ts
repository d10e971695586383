/**
 * The training loop as PyTorch writes it: a model from `@tapegrad/nn`, a loss from
 * `@tapegrad/losses`, an optimizer from `@tapegrad/optim`, then `zeroGrad`, forward, `backward`,
 * `step`. Trains on the course's three spirals and prints the loss and the accuracy.
 *   npx tsx examples/training-loop.ts [--epochs 200]
 */
import { manualSeed, noGrad } from '@tapegrad/tensor';
import { Linear, ReLU, Sequential } from '@tapegrad/nn';
import { softmaxCrossEntropy } from '@tapegrad/losses';
import { SGD } from '@tapegrad/optim';
import { spiral } from '@tapegrad/data';
import { wholeNumberFlag } from './example-flags.js';

const epochs = wholeNumberFlag('epochs', 200);

manualSeed(0);
const { x, y } = spiral({ pointsPerClass: 100, classes: 3, seed: 0 });
const model = new Sequential(new Linear(2, 100), new ReLU(), new Linear(100, 3));
const optimizer = new SGD(model.parameters(), { lr: 0.5, momentum: 0.9 });

for (let epoch = 1; epoch <= epochs; epoch++) {
  optimizer.zeroGrad();
  const loss = softmaxCrossEntropy(model.forward(x), y);
  loss.backward();
  optimizer.step();
  if (epoch % Math.max(1, Math.floor(epochs / 5)) === 0) console.log(`epoch ${epoch}: loss ${loss.item().toFixed(4)}`);
}

model.eval();
const predicted = noGrad(() => model.forward(x).argmax(1));
const accuracy = predicted.eq(y).sum().item() / y.size;
console.log(`training accuracy ${(100 * accuracy).toFixed(1)} %`);
console.log(`reproduce: npx tsx examples/training-loop.ts --epochs ${epochs}`);
