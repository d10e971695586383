// examples/guides/classifiers/two-layer-net.ts
import { spiral } from '@tapegrad/data';
import { LinearClassifier, TwoLayerNet } from '@tapegrad/classifiers';

// The course's three spirals: 100 points per class in 2-D.
const spirals = spiral({ pointsPerClass: 100, classes: 3, seed: 0 });

const linear = new LinearClassifier({ loss: 'softmax' });
linear.fit(spirals.x, spirals.y);
console.log(`linear softmax classifier: ${linear.score(spirals.x, spirals.y).toFixed(2)}`);

// affine – ReLU – affine with softmax loss; weights std · randn, biases 0.
const net = new TwoLayerNet(2, 100, 3, { std: 0.1 });
console.log(`initial loss ${net.loss(spirals.x, spirals.y).item().toFixed(3)} (ln 3 = ${Math.log(3).toFixed(3)})`);
console.log(`with reg 1e-3: ${net.loss(spirals.x, spirals.y, { reg: 1e-3 }).item().toFixed(3)} (+ λ (Σ W1² + Σ W2²))`);

const { lossHistory, trainAccuracy } = net.fit(spirals.x, spirals.y, {
  epochs: 60, batchSize: 50, learningRate: 0.2, learningRateDecay: 1, momentum: 0.9,
});
console.log(`${lossHistory.length} steps: loss ${lossHistory[0].toFixed(3)} → ${lossHistory.at(-1)!.toFixed(3)}`);
console.log(`training accuracy after epochs 1, 20, 40, 60: ${[0, 19, 39, 59].map((e) => trainAccuracy[e].toFixed(2)).join(', ')}`);
console.log(`two-layer net: ${net.score(spirals.x, spirals.y).toFixed(2)}`);
