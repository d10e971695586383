import { spiral } from '@tapegrad/data';
import { TwoLayerNet } from '@tapegrad/classifiers';
const { x, y } = spiral({ pointsPerClass: 100, classes: 3, seed: 0 });
for (const lr of [1e-3, 1e-2, 0.1, 0.5, 1, 2, 5, 10, 30, 100]) {
  const t = Date.now();
  const { lossHistory } = new TwoLayerNet(2, 100, 3, { std: 0.1, seed: 0 }).fit(x, y, { epochs: 100, batchSize: 300, learningRate: lr, learningRateDecay: 1, reg: 1e-3 });
  console.log(lr, [0, 1, 2, 5, 10, 20, 50, 99].map((i) => lossHistory[i].toPrecision(3)).join(' '), Date.now() - t);
}
