// examples/guides/readme/training-loop.ts
import { manualSeed, noGrad } from '@tapegrad/tensor';
import { Linear, ReLU, Sequential } from '@tapegrad/nn';
import { softmaxCrossEntropy } from '@tapegrad/losses';
import { SGD } from '@tapegrad/optim';
import { spiral } from '@tapegrad/data';

manualSeed(0);
const { x, y } = spiral({ pointsPerClass: 100, classes: 3, seed: 0 }); // x [300,2] float64, y [300] int32
const model = new Sequential(new Linear(2, 100), new ReLU(), new Linear(100, 3));
const optimizer = new SGD(model.parameters(), { lr: 0.5, momentum: 0.9 });
for (let epoch = 1; epoch <= 200; epoch++) {
  optimizer.zeroGrad();
  const loss = softmaxCrossEntropy(model.forward(x), y);
  loss.backward();
  optimizer.step();
  if (epoch % 50 === 0) console.log(`epoch ${epoch}: loss ${loss.item().toFixed(3)}`);
}
model.eval();
const predicted = noGrad(() => model.forward(x).argmax(1));
console.log(`training accuracy ${((100 * predicted.eq(y).sum().item()) / y.size).toFixed(1)} %`);
