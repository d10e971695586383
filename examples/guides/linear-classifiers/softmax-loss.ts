// examples/guides/linear-classifiers/softmax-loss.ts
import { tensor, zeros } from '@tapegrad/tensor';
import { softmaxCrossEntropy } from '@tapegrad/losses';

// The cat image's scores for cat, car, frog; its label is 0 (cat).
const catScores = [3.2, 5.1, -1.7];

// P(class k) = e^{s_k} / Σ_j e^{s_j}, and L = −log P(correct class), with plain numbers.
const exps = catScores.map(Math.exp);
const probabilities = exps.map((e) => e / exps.reduce((a, b) => a + b));
console.log(`probabilities: ${probabilities.map((p) => p.toFixed(3)).join(', ')}`);
console.log(`L by hand:           ${(-Math.log(probabilities[0])).toFixed(4)}`);

const scores = tensor([catScores], { requiresGrad: true }); // [1, 3]
const loss = softmaxCrossEntropy(scores, [0]);
console.log(`softmaxCrossEntropy: ${loss.item().toFixed(4)}`);

// The gradient with respect to the scores is p − onehot(y): the notes' a − y.
loss.backward();
console.log(`dL/ds = ${scores.grad!.toString()}`);
console.log(`p − y = ${probabilities.map((p, k) => (p - (k === 0 ? 1 : 0)).toFixed(4)).join(', ')}`);

// Large scores: e^789 overflows to Infinity, and Infinity / Infinity is NaN.
const big = [123, 456, 789];
const naiveSum = big.map(Math.exp).reduce((a, b) => a + b);
console.log(`naive probabilities of [123, 456, 789]: ${big.map((s) => Math.exp(s) / naiveSum).join(', ')}`);
// Shifting by the largest score (log C = −max_j s_j) changes nothing mathematically and never overflows.
const shifted = big.map((s) => s - Math.max(...big));
console.log(`shifted scores: ${shifted.join(', ')}`);
console.log(`softmaxCrossEntropy does the shift itself: ${softmaxCrossEntropy(tensor([big]), [0]).item()}`);

// All scores equal: every class gets probability 1/C, so L = ln C (ln 3 for 3 classes).
console.log(`all scores 0: ${softmaxCrossEntropy(zeros([1, 3]), [0]).item().toFixed(4)} = ln 3 = ${Math.log(3).toFixed(4)}`);
