// examples/guides/knn/normalize.ts
import { normalizeRows, take } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';
import { KNearestNeighbor } from '@tapegrad/classifiers';

const { train, test } = loadMnist({ seed: 0 });
const trainPart = take(train, Array.from({ length: 2000 }, (_, i) => i));
const testPart = take(test, Array.from({ length: 500 }, (_, i) => i));

for (const k of [1, 3]) {
  const raw = new KNearestNeighbor({ k }).fit(trainPart.x, trainPart.y).score(testPart.x, testPart.y);
  // Every image scaled to length 1: the L2 distance then depends only on the angle between images.
  const unit = new KNearestNeighbor({ k }).fit(normalizeRows(trainPart.x), trainPart.y).score(normalizeRows(testPart.x), testPart.y);
  console.log(`k = ${k}: raw pixels ${raw.toFixed(3)}, unit-length rows ${unit.toFixed(3)}`);
}
