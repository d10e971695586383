// examples/guides/knn/dimensionality.ts
import { manualSeed, rand } from '@tapegrad/tensor';
import { pairwiseDistances } from '@tapegrad/classifiers';

// 1,000 points spread uniformly over the unit cube [0, 1]^D, and one query point.
// In high dimensions the nearest point is hardly nearer than the farthest one.
manualSeed(0);
for (const dims of [2, 10, 100, 1000]) {
  const points = rand([1000, dims]);
  const query = rand([1, dims]);
  const dists = pairwiseDistances(query, points); // [1, 1000], L2
  const nearest = dists.min().item();
  const farthest = dists.max().item();
  console.log(`D = ${String(dims).padStart(4)}: nearest ${nearest.toFixed(3)}, farthest ${farthest.toFixed(3)}, ratio ${(nearest / farthest).toFixed(2)}`);
}
