// examples/guides/modules/training-loop.ts
import { Linear, ReLU, Sequential } from '@tapegrad/nn';
import { softmaxCrossEntropy } from '@tapegrad/losses';
import { SGD } from '@tapegrad/optim';
import { manualSeed, noGrad, randint, randn } from '@tapegrad/tensor';

manualSeed(0);
const x = randn([512, 20]);
const y = randint(0, 3, [512]);
const model = new Sequential(new Linear(20, 64), new ReLU(), new Linear(64, 3));
const optimizer = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });

for (let epoch = 0; epoch < 20; epoch++) {
  model.train();
  optimizer.zeroGrad();
  const loss = softmaxCrossEntropy(model.forward(x), y); // mean over the batch
  loss.backward();
  optimizer.step();

  model.eval();
  const accuracy = noGrad(() => model.forward(x).argmax(1).eq(y).astype('float64').mean().item());
  if (epoch % 5 === 4) console.log(`epoch ${epoch}: loss ${loss.item().toFixed(4)}, accuracy ${accuracy.toFixed(3)}`);
}
