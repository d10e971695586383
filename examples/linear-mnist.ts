/**
 * The course's two linear classifiers on MNIST, the multiclass SVM and softmax. First the sanity
 * check before training: at tiny random weights every class scores about 0, so the softmax loss
 * is ln 10 ≈ 2.303 and the SVM loss C − 1 = 9, and turning regularisation on raises the loss.
 * Then, for each loss, a small grid of learning rate × λ: each setting is trained on the 8,000
 * training images and scored on the 1,000 validation images; the best of each loss is scored
 * once on the 1,000 test images (both at least 90 %). Last, what the weights learned: each
 * column of W is a 28×28 template, drawn here in text, and with --out as pictures.
 *
 *   npx tsx examples/linear-mnist.ts [--quick] [--out DIR]
 *   (about half a minute; --quick: 2,000 training images, 5 epochs, a few seconds;
 *   --out DIR: also write the printed numbers to DIR/linear-mnist.json and the best softmax's ten
 *   templates to DIR/templates.svg and DIR/templates.png; nothing is written otherwise)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { manualSeed, randn, zeros, type Tensor } from '@tapegrad/tensor';
import { type LinearLoss, LinearClassifier, linearClassifierObjective } from '@tapegrad/classifiers';
import { type Dataset, take } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';
import { imageGrid, imageGridPng } from '@tapegrad/viz';
import { shellWord } from './example-flags.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
if (args.includes('--out') && (out === undefined || out.startsWith('--'))) {
  console.error('usage: npx tsx examples/linear-mnist.ts [--quick] [--out DIR]; --out needs a folder, e.g. --out linear-output');
  process.exit(1);
}
const seed = 0;
const classes = 10;
const epochs = quick ? 5 : 20;
/**
 * Around each loss's default step (0.5 softmax, 0.05 SVM): the SVM's gradient sums up to C − 1
 * violated margins per example, so its steps are ten times smaller.
 */
const learningRates: Record<LinearLoss, number[]> = { softmax: [0.1, 0.5, 1], svm: [0.01, 0.05, 0.1] };
const regs = [1e-4, 1e-3, 1e-2];
/** The issue's floor; --quick trains on a quarter of the images for a quarter of the epochs. */
const target = quick ? 0.85 : 0.9;
/** How far the sanity losses may be from ln C and C − 1 at weights of 1e-3: scores of about ±0.01. */
const tolerance: Record<LinearLoss, number> = { softmax: 0.01, svm: 0.05 };

const percent = (value: number): string => `${(100 * value).toFixed(1)} %`;

const mnist = loadMnist({ seed });
const train: Dataset = quick ? take(mnist.train, Array.from({ length: 2000 }, (_, i) => i)) : mnist.train;
const { val, test } = mnist;
let failed = false;

// 1. The sanity check, on the weights fit starts from (weightScale · randn, b = 0), with λ = 0
//    and with the grid's largest λ. The weights are tiny, so λ Σ W² adds little, but it adds.
const { weightScale } = new LinearClassifier({ loss: 'softmax' });
manualSeed(seed);
const W = randn([train.x.shape[1], classes]).mul(weightScale);
const b = zeros([classes]);
const largestReg = Math.max(...regs);
console.log(`sanity check at W = ${weightScale} · randn, b = 0, on ${train.y.size} training images:`);
const sanity = (['softmax', 'svm'] as const).map((loss) => {
  const [initial, regularised] = [0, largestReg].map((reg) => linearClassifierObjective(train.x, train.y, W, b, { loss, reg }).item());
  const [expected, formula] = loss === 'softmax' ? [Math.log(classes), 'ln 10'] : [classes - 1, 'C − 1'];
  console.log(
    `  ${loss.padEnd(7)} loss ${initial.toFixed(4)} (${formula} = ${expected.toFixed(4)}); ` +
      `λ = ${largestReg} raises it by ${(regularised - initial).toExponential(2)} (λ Σ W², small while W is)`,
  );
  failed ||= Math.abs(initial - expected) > tolerance[loss] || !(regularised > initial);
  return { loss, initial, expected, regularised };
});

// 2. The grid, per loss: train on the training images, score on the validation images.
interface Trial {
  readonly learningRate: number;
  readonly reg: number;
  readonly model: LinearClassifier;
  readonly valAccuracy: number;
}
const best = (['softmax', 'svm'] as const).map((loss) => {
  const trials: Trial[] = learningRates[loss].flatMap((learningRate) =>
    regs.map((reg) => {
      const model = new LinearClassifier({ loss, learningRate, reg, epochs, seed });
      model.fit(train.x, train.y);
      return { learningRate, reg, model, valAccuracy: model.score(val.x, val.y) };
    }),
  );
  const top = trials.reduce((a, trial) => (trial.valAccuracy > a.valAccuracy ? trial : a));
  console.log(`\n${loss}: validation accuracy (%) per learning rate × λ, ${epochs} epochs of batches of 200 on ${train.y.size} images`);
  console.log(`  lr \\ λ ${regs.map((reg) => String(reg).padStart(8)).join('')}`);
  for (const learningRate of learningRates[loss]) {
    const row = trials.filter((trial) => trial.learningRate === learningRate);
    const cells = row.map((trial) => `${(100 * trial.valAccuracy).toFixed(1)}${trial === top ? '*' : ' '}`.padStart(8));
    console.log(`  ${String(learningRate).padStart(6)} ${cells.join('')}`.trimEnd());
  }
  const testAccuracy = top.model.score(test.x, test.y);
  console.log(`best: lr ${top.learningRate}, λ ${top.reg}: validation ${percent(top.valAccuracy)}, test ${percent(testAccuracy)} (target ${percent(target)})`);
  failed ||= testAccuracy < target;
  return { loss, learningRate: top.learningRate, reg: top.reg, valAccuracy: top.valAccuracy, testAccuracy, model: top.model };
});

// 3. What the best softmax learned: the template of the digit 0, 2×2 pixels per character,
//    darkest to brightest. Bright pixels raise the class's score; dark ones are evidence for
//    other digits.
const templates = best[0].model.templates(28, 28);
console.log(`\nsoftmax templates: [${templates.shape}]; the 0, brighter = raises its score:`);
console.log(render(templates.slice([0], [1]).reshape([28, 28])));

/** A [28, 28] image as 14 lines of 14 characters, each the mean of 2×2 pixels on a 9-step ramp. */
function render(image: Tensor): string {
  const pooled = image.reshape([14, 2, 14, 2]).mean([1, 3]);
  const [lo, hi] = [pooled.min().item(), pooled.max().item()];
  const ramp = ' .:-=+*#@';
  const cells = Array.from(pooled.buffer, (value) => ramp[Math.round(((value - lo) / (hi - lo)) * (ramp.length - 1))]);
  return Array.from({ length: 14 }, (_, row) => `  ${cells.slice(row * 14, (row + 1) * 14).join(' ')}`).join('\n');
}

const command = `npx tsx examples/linear-mnist.ts${quick ? ' --quick' : ''}${out === undefined ? '' : ` --out ${shellWord(out)}`}`;
if (out !== undefined) {
  await mkdir(out, { recursive: true });
  const numbers = { command, sanity, best: best.map(({ model, ...rest }) => rest) };
  await writeFile(join(out, 'linear-mnist.json'), `${JSON.stringify(numbers, null, 2)}\n`);
  // The ten templates side by side, each scaled to its own largest |weight| (the course rescales
  // each template on its own too): red pixels raise the digit's score, blue ones lower it.
  const picture = { colours: 'diverging', scaling: 'each', columns: 10 } as const;
  const title = `softmax templates (lr ${best[0].learningRate}, λ ${best[0].reg}): red raises the digit's score, blue lowers it`;
  await writeFile(join(out, 'templates.svg'), imageGrid(templates, { ...picture, title, labels: Array.from({ length: classes }, (_, digit) => String(digit)) }));
  await writeFile(join(out, 'templates.png'), imageGridPng(templates, picture));
  console.log(`wrote ${['linear-mnist.json', 'templates.svg', 'templates.png'].map((file) => join(out, file)).join(', ')}`);
}
console.log(`reproduce: ${command}`);
if (failed) process.exitCode = 1;
