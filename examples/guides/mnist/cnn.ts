// examples/guides/mnist/cnn.ts
import { manualSeed, noGrad, setDefaultDtype, type Tensor } from '@tapegrad/tensor';
import { DataLoader, take } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';
import { Conv2d, Flatten, Linear, MaxPool2d, ReLU, Sequential, Unflatten } from '@tapegrad/nn';
import { softmaxCrossEntropy } from '@tapegrad/losses';
import { SGD } from '@tapegrad/optim';

setDefaultDtype('float32');
const { train, val } = loadMnist({ seed: 0 });
const images = take(train, Array.from({ length: 2560 }, (_, i) => i)); // a quick run: 80 steps of 32

manualSeed(0);
const model = new Sequential(
  new Unflatten(1, [1, 28, 28]), //                   rows of 784 → images [N, 1, 28, 28]
  new Conv2d(1, 8, 3, { padding: 1 }), new ReLU(), // 8 filters of 3 × 3; padding 1 keeps 28 × 28
  new MaxPool2d(2), //                                 the strongest response in each 2 × 2 window: 14 × 14
  new Conv2d(8, 16, 3, { padding: 1 }), new ReLU(),
  new MaxPool2d(2), //                                 7 × 7
  new Flatten(), //                                    16 · 7 · 7 = 784 features
  new Linear(784, 128), new ReLU(),
  new Linear(128, 10),
);

// What each layer does to the shape of a batch of 32.
let activations = images.x.slice([0], [32]);
console.log(`input      [${activations.shape}]`);
for (const layer of model) {
  activations = noGrad(() => layer.forward(activations) as Tensor);
  console.log(`${layer.constructor.name.padEnd(10)} [${activations.shape}]`);
}
console.log(`${model.parameters().reduce((sum, p) => sum + p.size, 0)} weights`);

// The same loop as for the MLP: only the model changed.
const optimizer = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
const losses: number[] = [];
for (const { x, y } of new DataLoader(images, { batchSize: 32, shuffle: true, seed: 0 })) {
  const loss = softmaxCrossEntropy(model.forward(x), y);
  optimizer.zeroGrad();
  loss.backward(); // through the linear layers, the pools (to each window's maximum) and the convolutions
  optimizer.step();
  losses.push(loss.item());
}
const mean = (values: number[]): string => (values.reduce((a, b) => a + b) / values.length).toFixed(3);
console.log(`${losses.length} steps: mean loss of the first 5 ${mean(losses.slice(0, 5))}, of the last 5 ${mean(losses.slice(-5))}`);
model.eval();
const correct = noGrad(() => model.forward(val.x).argmax(1).eq(val.y).sum().item());
console.log(`validation accuracy after 2,560 images: ${((100 * correct) / val.y.size).toFixed(1)} %`);
