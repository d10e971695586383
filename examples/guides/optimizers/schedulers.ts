// examples/guides/optimizers/schedulers.ts
import { CosineAnnealingLR, ExponentialLR, LinearLR, SGD, StepLR } from '@tapegrad/optim';
import { tensor } from '@tapegrad/tensor';

const epochs = 6;
const schedules = {
  'StepLR(stepSize 2, γ 0.5)': (opt: SGD) => [new StepLR(opt, { stepSize: 2, gamma: 0.5 })],
  'ExponentialLR(γ 0.5)': (opt: SGD) => [new ExponentialLR(opt, { gamma: 0.5 })],
  'CosineAnnealingLR(tMax 6)': (opt: SGD) => [new CosineAnnealingLR(opt, { tMax: epochs })],
  'LinearLR warm-up, then Exp.': (opt: SGD) => [new LinearLR(opt, { startFactor: 0.25, totalIters: 3 }), new ExponentialLR(opt, { gamma: 0.9 })],
};
for (const [name, make] of Object.entries(schedules)) {
  const opt = new SGD([tensor([0], { requiresGrad: true })], { lr: 1 });
  const schedulers = make(opt); // making a scheduler already applies epoch 0
  const lrs: string[] = [];
  for (let epoch = 0; epoch <= epochs; epoch++) {
    // The lr this epoch trains with. (scheduler.getLastLr() is what that scheduler itself set last,
    // one per group: with two chained schedulers, read the group's lr.)
    lrs.push(opt.paramGroups[0].lr.toFixed(3));
    // … train one epoch with opt …
    for (const scheduler of schedulers) scheduler.step();
  }
  console.log(`${name.padEnd(28)} ${lrs.join('  ')}`);
}
