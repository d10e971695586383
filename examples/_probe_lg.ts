import { spiral } from '@tapegrad/data';
import { TwoLayerNet } from '@tapegrad/classifiers';
const { x, y } = spiral({ pointsPerClass: 100, classes: 3, seed: 0 });
for (const lr of [1e-2, 1, 3, 10, 1e3, 1e5]) {
  const t = Date.now();
  const net = new TwoLayerNet(2, 100, 3, { std: 0.1, seed: 0 });
  const { lossHistory } = net.fit(x, y, { epochs: 300, batchSize: 300, learningRate: lr, learningRateDecay: 1, reg: 1e-3 });
  console.log(lr, [0, 1, 2, 3, 5, 10, 20, 50, 100, 200, 299].map((i) => lossHistory[i].toPrecision(3)).join(' '), net.score(x, y), Date.now() - t);
}
