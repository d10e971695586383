// examples/guides/losses/svm-vs-softmax.ts
import { manualSeed, randn, tensor, zeros } from '@tapegrad/tensor';
import { multiclassHinge, softmaxCrossEntropy } from '@tapegrad/losses';

// The table: the correct class (0) first, Δ = 1.
for (const row of [[10, -2, 3], [10, 9, 9], [10, -100, -100]]) {
  const scores = tensor([row]);
  console.log(JSON.stringify(row), multiclassHinge(scores, [0]).item(), softmaxCrossEntropy(scores, [0]).item().toPrecision(3));
}

// The sanity checks: small random weights (scores near 0) and all-zero scores, 10 classes.
manualSeed(0);
const y = Array.from({ length: 100 }, (_, i) => i % 10);
for (const [name, scores] of [['small random', randn([100, 10]).mul(1e-3)], ['zero', zeros([100, 10])]] as const) {
  console.log(`${name} scores: softmax ${softmaxCrossEntropy(scores, y).item().toFixed(3)}, SVM ${multiclassHinge(scores, y).item().toFixed(3)}`);
}
