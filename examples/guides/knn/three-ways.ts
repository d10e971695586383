// examples/guides/knn/three-ways.ts
import { take } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';
import { KNearestNeighbor } from '@tapegrad/classifiers';

const { train, test } = loadMnist({ seed: 0 });
const trainPart = take(train, Array.from({ length: 500 }, (_, i) => i));
const few = test.x.slice([0], [20]); // 20 test images

const knn = new KNearestNeighbor().fit(trainPart.x, trainPart.y);
const twoLoops = knn.computeDistances(few, { method: 'twoLoops' }); // one (test, train) pair at a time
const oneLoop = knn.computeDistances(few, { method: 'oneLoop' }); //   one test row against all training rows
const noLoops = knn.computeDistances(few, { method: 'noLoops' }); //   one matrix product
console.log(`shape [${noLoops.shape}]`);
console.log(`max |twoLoops − oneLoop| = ${twoLoops.sub(oneLoop).abs().max().item()}`);
console.log(`max |twoLoops − noLoops| < 1e-12: ${twoLoops.sub(noLoops).abs().max().item() < 1e-12}`);

// The no-loop version by hand: ‖a − b‖² = ‖a‖² − 2 a·b + ‖b‖², one matmul for all the a·b.
const testSquares = few.pow(2).sum(1, true); //              [20, 1]
const trainSquares = trainPart.x.pow(2).sum(1).unsqueeze(0); // [1, 500]
const products = few.matmul(trainPart.x.transpose(0, 1)); //   [20, 500]
const squared = testSquares.sub(products.mul(2)).add(trainSquares);
// Rounding can leave −1e−12 where two rows are nearly equal: clamp before the square root.
const byHand = squared.clamp(0).sqrt();
console.log(`max |byHand − noLoops| < 1e-12: ${byHand.sub(noLoops).abs().max().item() < 1e-12}`);
console.log(`nearest training row of test image 0: ${noLoops.slice([0], [1]).argmin(1).item()}, at distance ${noLoops.slice([0], [1]).min().item().toFixed(4)}`);
