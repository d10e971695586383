// examples/guides/visualization/loss-curve.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spiral } from '@tapegrad/data';
import { TwoLayerNet } from '@tapegrad/classifiers';
import { lineChart } from '@tapegrad/viz';

// The two-layer net on the spirals, trained twice from the same start: plain SGD and momentum.
const { x, y } = spiral({ pointsPerClass: 100, classes: 3, seed: 0 });
const train = (momentum: number) =>
  new TwoLayerNet(2, 100, 3, { std: 0.1, seed: 0 }).fit(x, y, {
    epochs: 60, batchSize: 50, learningRate: 0.2, learningRateDecay: 1, momentum,
  }).lossHistory;
const series = [
  { name: 'SGD', y: train(0) },
  { name: 'SGD + momentum 0.9', y: train(0.9) },
];
for (const { name, y: losses } of series) {
  console.log(`${name}: loss ${losses[0].toFixed(3)} → ${losses.at(-1)!.toFixed(3)} in ${losses.length} steps`);
}

// A log y axis shows the loss falling over decades; x is the minibatch step (0, 1, 2, … by default).
const svg = lineChart(series, { title: 'Two-layer net on the spirals', xLabel: 'step', yLabel: 'training loss', logY: true });

// `--out docs/images` writes the picture this guide shows; without it nothing is written.
const out = process.argv[2] === '--out' ? process.argv[3] : undefined;
if (out !== undefined) {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'loss-curve.svg'), svg);
}
