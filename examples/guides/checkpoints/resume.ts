// examples/guides/checkpoints/resume.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mse } from '@tapegrad/losses';
import { Linear, ReLU, Sequential } from '@tapegrad/nn';
import { save, load } from '@tapegrad/nn/node';
import { Adam } from '@tapegrad/optim';
import { manualSeed, randn } from '@tapegrad/tensor';

manualSeed(0);
const x = randn([32, 4]);
const y = randn([32, 1]);
// The same model and optimizer setup, each time it is built:
function setup() {
  manualSeed(1);
  const model = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 1));
  return { model, optimizer: new Adam(model.parameters(), { lr: 1e-2 }) };
}
function train({ model, optimizer }: ReturnType<typeof setup>, steps: number): number {
  let loss = NaN;
  for (let step = 0; step < steps; step++) {
    optimizer.zeroGrad();
    const l = mse(model.forward(x), y);
    l.backward();
    optimizer.step();
    loss = l.item();
  }
  return loss;
}

const path = join(mkdtempSync(join(tmpdir(), 'tapegrad-')), 'run.safetensors');
const first = setup();
train(first, 50);
await save(first.model, path, { optimizer: first.optimizer, metadata: { step: '50' } });

// In a new process: the same model and optimizer setup, then
const resumed = setup();
const { metadata } = await load(resumed.model, path, { optimizer: resumed.optimizer });
const resumedLoss = train(resumed, 50);
const straightLoss = train(setup(), 100);
console.log(`resumed at step ${metadata.step}, loss after 50 more steps: ${resumedLoss.toFixed(6)}`);
console.log(`a run that never stopped, after 100 steps: ${straightLoss.toFixed(6)}; bit for bit the same: ${resumedLoss === straightLoss}`);
