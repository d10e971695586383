// examples/guides/knn/shifted.ts
import { loadMnist } from '@tapegrad/data/node';
import { pairwiseDistances } from '@tapegrad/classifiers';

const { train } = loadMnist({ seed: 0 });
const image = train.x.slice([0], [1]); // [1, 784]
const digit = train.y.data()[0];

// The same digit moved 2 pixels to the right: pad 2 columns on the left, drop the last 2.
const shifted = image.reshape([28, 28]).pad([[0, 0], [2, 0]]).slice([0, 0], [28, 28]).reshape([1, 784]);
console.log(`a ${digit}, and the same ${digit} shifted by 2 pixels: L2 distance ${pairwiseDistances(image, shifted).item().toFixed(2)}`);

// The nearest other training image of a different digit, and of the same digit.
const dists = pairwiseDistances(image, train.x).data();
const labels = train.y.data();
const nearest = (keep: (label: number) => boolean): [number, number] => {
  let best: [number, number] = [Infinity, -1];
  for (let i = 1; i < dists.length; i++) if (keep(labels[i]) && dists[i] < best[0]) best = [dists[i], labels[i]];
  return best;
};
const [otherDistance, otherDigit] = nearest((label) => label !== digit);
const [sameDistance] = nearest((label) => label === digit);
console.log(`nearest training image of another digit (a ${otherDigit}): ${otherDistance.toFixed(2)}`);
console.log(`nearest training image of the same digit: ${sameDistance.toFixed(2)}`);
