// examples/guides/optimizers/learning-rates.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Linear } from '@tapegrad/nn';
import { mse } from '@tapegrad/losses';
import { SGD } from '@tapegrad/optim';
import { manualSeed, randn, tensor } from '@tapegrad/tensor';
import { lineChart } from '@tapegrad/viz';

// The model of the first example on this page: recover y = 2·x₀ − 3·x₁ + 1 from 64 noisy examples.
manualSeed(0);
const x = randn([64, 2]);
const y = x.matmul(tensor([[2], [-3]])).add(1).add(randn([64, 1]).mul(0.01));

/** The loss before each of `steps` plain SGD steps at learning rate `lr`, from the same initial weights. */
function train(lr: number, steps: number): number[] {
  manualSeed(1);
  const model = new Linear(2, 1);
  const optimizer = new SGD(model.parameters(), { lr });
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    optimizer.zeroGrad();
    const loss = mse(model.forward(x), y);
    losses.push(loss.item());
    loss.backward();
    optimizer.step();
  }
  return losses;
}

const runs = [
  { name: 'lr 0.001 (too low)', lr: 0.001 },
  { name: 'lr 0.5 (good)', lr: 0.5 },
  { name: 'lr 1 (too high)', lr: 1 },
  { name: 'lr 3 (far too high)', lr: 3 },
].map((run) => ({ ...run, losses: train(run.lr, 500) }));

const shown = [0, 1, 2, 5, 10, 20, 50, 100, 499];
console.log(`loss at step ${shown.map((step) => String(step).padStart(10)).join('')}`);
for (const { lr, losses } of runs) {
  const infinite = losses.indexOf(Infinity);
  const blowUp = infinite < 0 ? '' : `  (Infinity from step ${infinite}, NaN from step ${losses.findIndex(Number.isNaN)})`;
  console.log(`lr ${String(lr).padEnd(9)}${shown.map((step) => losses[step].toPrecision(3).padStart(10)).join('')}${blowUp}`);
}

// The loss curve of the first 100 steps on a log scale. A run whose loss is 10× where it started
// is lost: stop it there (lineChart also refuses NaN, which would come next).
const series = runs.map(({ name, losses }) => {
  const lost = losses.findIndex((loss) => !(loss <= 10 * losses[0]));
  return { name, y: losses.slice(0, lost < 0 ? 100 : Math.min(100, lost + 1)) };
});
for (const { name, y } of series) if (y.length < 100) console.log(`${name}: stopped at step ${y.length - 1}, loss ${y.at(-1)!.toPrecision(3)} > 10 × ${y[0].toPrecision(3)}`);
const svg = lineChart(series, { title: 'One model, four learning rates', xLabel: 'step', yLabel: 'training loss (MSE)', logY: true });

// `--out docs/images` writes the picture this guide shows; without it nothing is written.
const out = process.argv[2] === '--out' ? process.argv[3] : undefined;
if (out !== undefined) {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'learning-rates.svg'), svg);
}
