// examples/guides/regularization/effect.ts
import { concat, manualSeed, noGrad, randn, type Tensor, zeros } from '@tapegrad/tensor';
import { blobs, type Dataset } from '@tapegrad/data';
import { l1Penalty, l2Penalty, softmaxCrossEntropy } from '@tapegrad/losses';
import { SGD } from '@tapegrad/optim';

// Three classes told apart by 2 informative features, plus 300 features of pure noise.
// With only 60 training examples, a linear classifier can fit the noise perfectly.
const noiseFeatures = 300;
manualSeed(0);
function examples(n: number, seed: number): Dataset {
  const { x, y } = blobs({ n, centers: [[0, 0], [3, 0], [0, 3]], std: 1.5, seed });
  return { x: concat([x, randn([n, noiseFeatures])], 1), y };
}
const train = examples(60, 1);
const val = examples(2000, 2);

/** Softmax classifier trained by 500 steps of full-batch gradient descent on data loss + penalty(W). */
function fit(penalty: (W: Tensor) => Tensor | null): { W: Tensor; b: Tensor } {
  manualSeed(0); // the same initial weights for every penalty
  const W = randn([2 + noiseFeatures, 3]).mul(0.01).requiresGrad_();
  const b = zeros([3], { requiresGrad: true }); // biases are not penalised
  const optimizer = new SGD([W, b], { lr: 0.1 });
  for (let step = 0; step < 500; step++) {
    optimizer.zeroGrad();
    const dataLoss = softmaxCrossEntropy(train.x.matmul(W).add(b), train.y);
    const reg = penalty(W);
    (reg === null ? dataLoss : dataLoss.add(reg)).backward();
    optimizer.step();
  }
  return { W: W.detach(), b: b.detach() };
}

const accuracy = ({ W, b }: { W: Tensor; b: Tensor }, { x, y }: Dataset): number =>
  noGrad(() => x.matmul(W).add(b).argmax(1).eq(y).astype('float64').mean().item());

console.log('penalty         train   val    mean |w| informative   mean |w| noise   noise |w| < 0.01');
const settings: [string, (W: Tensor) => Tensor | null][] = [
  ['none', () => null],
  ['L2, λ = 0.1', (W) => l2Penalty(W, 0.1)],
  ['L2, λ = 1', (W) => l2Penalty(W, 1)],
  ['L1, λ = 0.01', (W) => l1Penalty(W, 0.01)],
  ['L1, λ = 0.1', (W) => l1Penalty(W, 0.1)],
  ['L1, λ = 0.3', (W) => l1Penalty(W, 0.3)],
];
for (const [name, penalty] of settings) {
  const model = fit(penalty);
  const informative = model.W.slice([0, 0], [2, 3]).abs(); // the rows of W that read the 2 real features
  const noise = model.W.slice([2, 0], [2 + noiseFeatures, 3]).abs();
  console.log(
    `${name.padEnd(14)}  ${accuracy(model, train).toFixed(3)}  ${accuracy(model, val).toFixed(3)}` +
      `  ${informative.mean().item().toFixed(3).padStart(20)}  ${noise.mean().item().toFixed(4).padStart(15)}` +
      `  ${(100 * noise.lt(0.01).astype('float64').mean().item()).toFixed(0).padStart(15)} %`,
  );
}
