// examples/guides/knn/distances.ts
import { tensor } from '@tapegrad/tensor';
import { pairwiseDistances } from '@tapegrad/classifiers';

// A query "image" of two pixels and two training images. Which one is nearer depends on the distance.
const query = tensor([[0, 0]]);
const train = tensor([
  [3, 0], // a: off by 3 in one pixel
  [2, 2], // b: off by 2 in both pixels
]);

// d1 = Σ|q − t|, d2 = √Σ(q − t)², written out with tensor ops (row 0 of `query` broadcasts over the rows)
const d1 = train.sub(query).abs().sum(1);
const d2 = train.sub(query).pow(2).sum(1).sqrt();
console.log(`L1 by hand: a ${d1.data()[0]}, b ${d1.data()[1]}`);
console.log(`L2 by hand: a ${d2.data()[0]}, b ${d2.data()[1].toFixed(3)}`);

// The same numbers from the library, as a [numQuery, numTrain] matrix.
console.log(`pairwiseDistances l1: ${pairwiseDistances(query, train, { distance: 'l1' }).toString()}`);
console.log(`pairwiseDistances l2: ${pairwiseDistances(query, train, { distance: 'l2' }).toString()}`);
// L1 says a is the nearest neighbour; L2, which punishes one large difference more, says b.
