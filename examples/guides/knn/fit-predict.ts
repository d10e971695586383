// examples/guides/knn/fit-predict.ts
import { take } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';
import { KNearestNeighbor } from '@tapegrad/classifiers';

// 8,000 / 1,000 / 1,000 digits; x [N, 784] in [0, 1], y int32 [N]. The rows are in random
// order, so the first 2,000 training and 500 test rows are a fair sample, and quick to run.
const { train, test } = loadMnist({ seed: 0 });
const trainPart = take(train, Array.from({ length: 2000 }, (_, i) => i));
const testPart = take(test, Array.from({ length: 500 }, (_, i) => i));

const knn = new KNearestNeighbor({ k: 5, distance: 'l2' }).fit(trainPart.x, trainPart.y);
const predicted = knn.predict(testPart.x); // int32 [500]
console.log(`predicted ${predicted.dtype} [${predicted.shape}]: ${[...predicted.data().slice(0, 10)].join(' ')} …`);
console.log(`true labels:         ${[...testPart.y.data().slice(0, 10)].join(' ')} …`);
console.log(`accuracy ${knn.score(testPart.x, testPart.y).toFixed(3)}`);
