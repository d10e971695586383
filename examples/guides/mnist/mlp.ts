// examples/guides/mnist/mlp.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manualSeed, noGrad, setDefaultDtype, type Tensor } from '@tapegrad/tensor';
import { DataLoader, type Dataset, take } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';
import { Linear, ReLU, Sequential } from '@tapegrad/nn';
import { load, save } from '@tapegrad/nn/node';
import { softmaxCrossEntropy } from '@tapegrad/losses';
import { SGD } from '@tapegrad/optim';

setDefaultDtype('float32'); // half the memory traffic of float64, and precise enough to train
const { train, val, test } = loadMnist({ seed: 0 });
const images = take(train, Array.from({ length: 2000 }, (_, i) => i)); // a quick run: 2,000 of the 8,000

manualSeed(0); // the initial weights
const model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
const optimizer = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
const loader = new DataLoader(images, { batchSize: 64, shuffle: true, seed: 0 });

/** The share of `split`'s images whose highest score is the right digit. */
function accuracy(net: Sequential, split: Dataset): number {
  net.eval(); // no effect on these layers, but Dropout and BatchNorm need it: make it a habit
  const correct = noGrad(() => net.forward(split.x).argmax(1).eq(split.y).sum().item()); // no tape needed
  net.train();
  return correct / split.y.size;
}

for (let epoch = 1; epoch <= 3; epoch++) {
  let lossSum = 0;
  for (const { x, y } of loader) {
    const scores = model.forward(x); //               [64, 10]
    const loss = softmaxCrossEntropy(scores, y); //   mean of −log p(right digit)
    optimizer.zeroGrad(); //                          .grad adds up across backward calls: clear the last step's
    loss.backward(); //                               fills .grad of every weight
    optimizer.step(); //                              w ← w − lr · (momentum-averaged) grad
    lossSum += loss.item();
  }
  console.log(`epoch ${epoch}: mean loss ${(lossSum / loader.length).toFixed(3)}, validation accuracy ${(100 * accuracy(model, val)).toFixed(1)} %`);
}
console.log(`test accuracy ${(100 * accuracy(model, test)).toFixed(1)} %`);

// Save the weights, load them into a freshly built model, and check it predicts the same digits.
const folder = await mkdtemp(join(tmpdir(), 'mnist-mlp-'));
await save(model, join(folder, 'mlp.safetensors'));
const restored = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
await load(restored, join(folder, 'mlp.safetensors'));
await rm(folder, { recursive: true });
const predict = (net: Sequential): Tensor => noGrad(() => net.forward(test.x).argmax(1));
console.log(`restored model predicts the same digits: ${predict(restored).eq(predict(model)).sum().item() === test.y.size}`);
