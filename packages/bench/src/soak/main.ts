/**
 * `pnpm test:soak`: trains the MNIST MLP for 10,000 steps in one process, samples
 * `process.memoryUsage()` after a forced garbage collection every 500 steps, prints the samples
 * as a table, and exits with 1 if the heap or the external memory grew more than 10 % after the
 * warm-up. Run it with --expose-gc (the script in package.json does). Arguments: see
 * `soak-options.ts`.
 * @module
 */
import { kernelInfo } from '@tapegrad/tensor';
import { MNIST_SPLIT_SIZES } from '@tapegrad/data/node';
import { memoryGrowth } from './memory-growth.js';
import { exposedGc, sampleMemory } from './memory-sample.js';
import { createMnistMlpRun } from './mnist-mlp-run.js';
import { parseSoakArgs } from './soak-options.js';
import { growthLines, type SoakRecord, soakTable } from './soak-table.js';

const started = performance.now();
const options = parseSoakArgs(process.argv.slice(2));
exposedGc();

const run = createMnistMlpRun({ dtype: options.dtype, hidden: options.hidden });
const records: SoakRecord[] = [{ sample: sampleMemory(0), meanLoss: Number.NaN, msPerStep: Number.NaN }];
let lossSum = 0;
let intervalStart = performance.now();
for (let step = 1; step <= options.steps; step++) {
  lossSum += run.step();
  if (step % options.every === 0 || step === options.steps) {
    const steps = step - records[records.length - 1].sample.step;
    const msPerStep = (performance.now() - intervalStart) / steps;
    records.push({ sample: sampleMemory(step), meanLoss: lossSum / steps, msPerStep });
    lossSum = 0;
    intervalStart = performance.now();
  }
}

const growth = memoryGrowth(records.map((record) => record.sample), options.warmUp);
const grew = growth.filter((counter) => counter.growth > options.limit);
const kernels = kernelInfo();
const wallSeconds = (performance.now() - started) / 1000;
if (options.json) {
  console.log(JSON.stringify({ options, kernels, records, growth, wallSeconds }));
} else {
  const epochs = (options.steps * 64) / MNIST_SPLIT_SIZES.train;
  console.log(
    `soak: MNIST MLP 784-${options.hidden}-10 ${options.dtype}, batch 64, SGD (momentum 0.9), ${options.steps} steps (${epochs} epochs); ` +
      `kernels: ${kernels.wasm ? 'wasm' : 'TypeScript'}, ${kernels.threads} thread${kernels.threads === 1 ? '' : 's'}; node ${process.version}`,
  );
  console.log('');
  console.log(soakTable(records));
  console.log('');
  for (const line of growthLines(growth, options.limit)) console.log(line);
  console.log(`wall time ${wallSeconds.toFixed(1)} s`);
  console.log(`reproduce: pnpm test:soak${process.argv.slice(2).length > 0 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`);
}
if (grew.length > 0) {
  console.error(`soak: ${grew.map((counter) => counter.counter).join(' and ')} grew more than ${100 * options.limit} % after the first ${options.warmUp} steps: something keeps tensors alive`);
  process.exitCode = 1;
}
