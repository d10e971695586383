// examples/guides/data/k-fold.ts
import { KNearestNeighbor } from '@tapegrad/classifiers';
import { kFold, take } from '@tapegrad/data';
import { loadIris } from '@tapegrad/data/node';

const train = loadIris(); // your training split (here all 150 rows)
const scores: number[] = [];
for (const fold of kFold(train.y.shape[0], 5, { seed: 0 })) {
  const fitPart = take(train, fold.train);
  const heldOut = take(train, fold.val);
  const model = new KNearestNeighbor({ k: 5 }).fit(fitPart.x, fitPart.y); // your model
  scores.push(model.score(heldOut.x, heldOut.y));
}
const meanScore = scores.reduce((a, b) => a + b, 0) / scores.length;
console.log(`fold accuracies ${scores.map((s) => s.toFixed(3)).join(' ')}, mean ${meanScore.toFixed(3)}`);
