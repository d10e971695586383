// examples/guides/classifiers/interface.ts
import { take } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';
import { type Classifier, KNearestNeighbor, LinearClassifier, TwoLayerNet } from '@tapegrad/classifiers';

const { train, test } = loadMnist({ seed: 0 });
const trainPart = take(train, Array.from({ length: 2000 }, (_, i) => i));

// Every model has fit(x, y) and score(x, y); predict(x) gives int32 class indices.
const models: [string, Classifier][] = [
  ['KNearestNeighbor, k = 3', new KNearestNeighbor({ k: 3 })],
  ['LinearClassifier, svm', new LinearClassifier({ loss: 'svm' })],
  ['LinearClassifier, softmax', new LinearClassifier({ loss: 'softmax' })],
  ['TwoLayerNet 784-100-10', new TwoLayerNet(784, 100, 10)],
];
for (const [name, model] of models) {
  model.fit(trainPart.x, trainPart.y);
  console.log(`${name.padEnd(26)} test accuracy ${model.score(test.x, test.y).toFixed(3)}`);
}
