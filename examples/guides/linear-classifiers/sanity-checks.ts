// examples/guides/linear-classifiers/sanity-checks.ts
import { manualSeed, randn, zeros } from '@tapegrad/tensor';
import { take } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';
import { LinearClassifier, linearClassifierObjective } from '@tapegrad/classifiers';

const { train } = loadMnist({ seed: 0 });
const part = take(train, Array.from({ length: 2000 }, (_, i) => i));

// 1. Small random weights, no regularisation: every class scores about 0.
console.log(`softmax initial loss ${new LinearClassifier({ loss: 'softmax' }).initialLoss(part.x, part.y).toFixed(3)}  (ln 10 = ${Math.log(10).toFixed(3)})`);
console.log(`SVM initial loss     ${new LinearClassifier({ loss: 'svm' }).initialLoss(part.x, part.y).toFixed(3)}  (C − 1 = 9)`);

// 2. Turning regularisation on must raise the loss, by exactly λ Σ W².
manualSeed(0);
const W = randn([784, 10]).mul(1e-2);
const b = zeros([10]);
const dataLoss = linearClassifierObjective(part.x, part.y, W, b, { loss: 'softmax', reg: 0 }).item();
const withReg = linearClassifierObjective(part.x, part.y, W, b, { loss: 'softmax', reg: 1 }).item();
console.log(`reg 0: ${dataLoss.toFixed(4)}, reg 1: ${withReg.toFixed(4)}, difference ${(withReg - dataLoss).toFixed(4)} = Σ W² ${W.pow(2).sum().item().toFixed(4)}`);

// 3. Overfit a tiny subset: 20 examples, no regularisation, many steps. Loss → 0, accuracy 100 %.
const tiny = take(train, Array.from({ length: 20 }, (_, i) => i));
const model = new LinearClassifier({ loss: 'softmax', reg: 0, batchSize: 20, iterations: 300 });
const losses = model.fit(tiny.x, tiny.y);
console.log(`20 examples: loss ${losses[0].toFixed(3)} → ${losses.at(-1)!.toFixed(3)}, training accuracy ${model.score(tiny.x, tiny.y)}`);
