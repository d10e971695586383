// examples/guides/knn/each-k.ts
import { take } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';
import { accuracy, KNearestNeighbor } from '@tapegrad/classifiers';

const { train, val } = loadMnist({ seed: 0 });
const trainPart = take(train, Array.from({ length: 2000 }, (_, i) => i));
const valPart = take(val, Array.from({ length: 500 }, (_, i) => i));

const knn = new KNearestNeighbor().fit(trainPart.x, trainPart.y);
const dists = knn.computeDistances(valPart.x); // [500, 2000], computed once
const ks = [1, 3, 5, 8, 10, 20];
const predictions = knn.predictLabelsForEachK(dists, ks); // the neighbours sorted once, the vote counted per k
ks.forEach((k, i) => console.log(`k = ${String(k).padStart(2)}: validation accuracy ${accuracy(predictions[i], valPart.y).toFixed(3)}`));
