// examples/guides/knn/cross-validate.ts
import { kFold, take } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';
import { crossValidate, KNearestNeighbor } from '@tapegrad/classifiers';

// How 10 rows are dealt into 5 folds: each row is held out exactly once.
for (const [i, fold] of kFold(10, 5, { seed: 0 }).entries()) {
  console.log(`fold ${i + 1}: train on [${fold.train}], validate on [${fold.val}]`);
}

const { train, test } = loadMnist({ seed: 0 });
const trainPart = take(train, Array.from({ length: 1000 }, (_, i) => i));
const testPart = take(test, Array.from({ length: 500 }, (_, i) => i));

const cv = crossValidate((setting) => new KNearestNeighbor(setting), trainPart, {
  grid: { k: [1, 3, 5, 8, 10], distance: ['l1', 'l2'] },
  folds: 5,
  seed: 0,
});
console.log(`\n${cv.toString()}`);

// Retrain the winner on all the training rows, then look at the test set once.
const best = new KNearestNeighbor(cv.best.setting).fit(trainPart.x, trainPart.y);
console.log(`\ntest accuracy of k = ${cv.best.setting.k}, ${cv.best.setting.distance}: ${best.score(testPart.x, testPart.y).toFixed(3)}`);
