/**
 * The demo: trains a digit classifier on MNIST (an MLP 784-256-10 by default; a CNN, a linear
 * softmax or SVM classifier, or KNN with `--model`), shows its progress, prints the validation
 * accuracy of each epoch, the test accuracy and the wall time, and saves the model, its
 * learning curves (loss-curve.svg) and its weights as images (templates.svg and .png for the
 * linear classifiers, first-layer.svg and .png for the networks).
 *
 *   npx -y pnpm@10 demo [--model mlp|cnn|softmax|svm|knn] [--epochs N] [--seed S] [--out DIR] [--quick]
 *
 * The pieces live in `examples/demo/`: flags, progress, the training loop, one file per kind of
 * model, and the output files. The networks themselves are in `examples/mnist-models.ts`.
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { manualSeed, setDefaultDtype, warmUpKernels } from '@tapegrad/tensor';
import { take } from '@tapegrad/data';
import { loadMnist, type MnistSplits } from '@tapegrad/data/node';
import { type DemoFlags, parseFlags, QUICK, usage, UsageError } from './demo/flags.js';
import { MODELS } from './demo/models.js';
import { percent, progressFor } from './demo/progress.js';
import { lossCurveSvg } from './demo/loss-curve.js';
import { makeRunFolder, writeRunFiles } from './demo/run-files.js';
import { drawWeights } from './demo/weight-pictures.js';

/** Seed of the train / val / test split: fixed, so every run is tested on the same 1,000 images. */
const SPLIT_SEED = 0;

/** Runs the demo and returns the exit code: 0, 1 when a full run misses its promised accuracy, 2 for bad flags or an output folder it cannot write to. */
async function main(args: readonly string[]): Promise<number> {
  let flags: DemoFlags;
  try {
    flags = parseFlags(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`demo: ${error.message}\n\n${usage()}`);
    return 2;
  }
  if (flags.help) {
    console.log(usage());
    return 0;
  }

  const folder = flags.out ?? join('demo-output', flags.model);
  try {
    await makeRunFolder(folder);
  } catch (error) {
    console.error(`demo: cannot save the run in ${folder}: ${(error as Error).message}; choose another folder with --out DIR`);
    return 2;
  }

  const family = MODELS[flags.model];
  const epochs = flags.epochs ?? (family.defaultEpochs === null ? 0 : flags.quick ? QUICK.epochs : family.defaultEpochs);
  const command = reproduceCommand(flags, epochs);
  setDefaultDtype('float32'); // half the memory traffic of float64, and SIMD lanes twice as wide
  const { threads } = await warmUpKernels();
  const data = loadData(flags.quick);
  const [trainCount, valCount, testCount] = [data.train, data.val, data.test].map((split) => split.y.size);
  console.log(`MNIST: ${count(trainCount)} training, ${count(valCount)} validation, ${count(testCount)} test images; float32 on ${plural(threads, 'thread')}`);
  console.log(`${flags.model}: ${family.summary}`);
  console.log(`${epochs > 0 ? `${plural(epochs, 'epoch')}, ` : ''}seed ${flags.seed}${flags.quick ? ' (--quick: a smoke test)' : ''}`);

  manualSeed(flags.seed);
  const trainingStarted = performance.now();
  const trained = family.train({ data, epochs, seed: flags.seed, progress: progressFor(process.stdout), log: (line) => console.log(line) });
  const trainingSeconds = (performance.now() - trainingStarted) / 1000;
  const testPredictions = trained.predict(data.test.x);
  const correct = testPredictions.eq(data.test.y).sum().item();
  const testAccuracy = correct / testCount;
  // performance.now() counts from the start of the process: loading the code and the data included.
  const wallSeconds = performance.now() / 1000;
  // The promise holds for the default settings, also when spelled out as in the reproduce command;
  // --quick and other epoch counts are experiments.
  const promised = !flags.quick && epochs === (family.defaultEpochs ?? 0);
  const promise = promised ? `, promised ≥ ${percent(family.promisedAccuracy)}` : '';
  console.log(`test accuracy ${percent(testAccuracy)} (${count(correct)} of ${count(testCount)}${promise}); validation ${percent(trained.valAccuracy)}`);
  console.log(`training took ${trainingSeconds.toFixed(1)} s; the whole run ${wallSeconds.toFixed(1)} s`);

  const written = await writeRunFiles(folder, {
    weights: trained.weights,
    metadata: { model: flags.model, command, testAccuracy: String(testAccuracy) },
    testPredictions,
    lossCurve: lossCurveSvg(flags.model, trained.history),
    weightPictures: trained.weightImages === null ? null : drawWeights(trained.weightImages),
    metrics: {
      model: flags.model,
      command,
      argv: [...args],
      seed: flags.seed,
      splitSeed: SPLIT_SEED,
      images: { train: trainCount, val: valCount, test: testCount },
      settings: family.settings,
      epochs: trained.history,
      valAccuracy: trained.valAccuracy,
      testAccuracy,
      trainingSeconds,
      wallSeconds,
      ...trained.details,
      machine: { node: process.version, threads, cores: availableParallelism(), loadAverage: loadavg() },
    },
  });
  console.log(`saved ${written.join(', ')} in ${folder}${trained.weights === null ? ` (${flags.model} keeps the training images, not weights: nothing to save as safetensors)` : ''}`);
  console.log(`reproduce: ${command}`);

  if (promised && testAccuracy < family.promisedAccuracy) {
    console.error(`demo: ${flags.model} reached ${percent(testAccuracy)}, below the ${percent(family.promisedAccuracy)} it promises`);
    return 1;
  }
  return 0;
}

/** The splits, with the training split cut to its first rows under `--quick` (they are in random order). */
function loadData(quick: boolean): MnistSplits {
  const splits = loadMnist({ seed: SPLIT_SEED, dtype: 'float32' });
  if (!quick) return splits;
  return { ...splits, train: take(splits.train, Array.from({ length: QUICK.trainImages }, (_, i) => i)) };
}

/** The command that gives the same numbers: every setting that changes them spelled out. */
function reproduceCommand({ model, seed, quick }: DemoFlags, epochs: number): string {
  const epochFlag = epochs > 0 ? ` --epochs ${epochs}` : '';
  return `npx tsx examples/demo.ts --model ${model}${epochFlag} --seed ${seed}${quick ? ' --quick' : ''}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `1 epoch`, `30 epochs`. */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

process.exitCode = await main(process.argv.slice(2));
