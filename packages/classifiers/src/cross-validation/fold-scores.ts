/**
 * Scoring one fold: fit on its training part, score on its held-out part.
 * @module
 */
import type { Dataset } from '@tapegrad/data';
import { accuracy } from '../accuracy.js';
import { KNearestNeighbor } from '../knn/k-nearest-neighbor.js';
import type { Classifier } from './classifier.js';

/**
 * The score of each model on `val` after fitting it on `train`, in order.
 *
 * Plain `KNearestNeighbor`s (the class itself, not a subclass) that share a distance share the
 * work: fitting only memorises, and the distance matrix from `val` to `train` is the same for
 * every k, so it is computed once per distance and each k only recounts the vote
 * (`predictLabelsForEachK`). The scores are those `model.score(val.x, val.y)` would give;
 * a grid over k costs about one prediction instead of one per k.
 */
export function foldScores(models: readonly Classifier[], train: Dataset, val: Dataset): number[] {
  const scores = new Array<number>(models.length);
  const sharing = new Map<string, number[]>();
  models.forEach((model, i) => {
    if (model instanceof KNearestNeighbor && model.constructor === KNearestNeighbor) {
      const group = sharing.get(model.distance) ?? [];
      sharing.set(model.distance, [...group, i]);
    } else {
      model.fit(train.x, train.y);
      scores[i] = model.score(val.x, val.y);
    }
  });
  for (const group of sharing.values()) {
    const knns = group.map((i) => models[i] as KNearestNeighbor);
    for (const knn of knns) knn.fit(train.x, train.y);
    const dists = knns[0].computeDistances(val.x);
    const predictions = knns[0].predictLabelsForEachK(dists, knns.map((knn) => knn.k));
    group.forEach((i, at) => (scores[i] = accuracy(predictions[at], val.y)));
  }
  return scores;
}
