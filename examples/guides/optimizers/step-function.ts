// examples/guides/optimizers/step-function.ts
import { adamStep, initialAdamState } from '@tapegrad/optim';
import { tensor } from '@tapegrad/tensor';

const w = tensor([1, -2], { requiresGrad: true });
w.mul(w).sum().backward(); // w.grad = 2w = [2, −4]

const hyper = { lr: 1e-3, betas: [0.9, 0.999] as [number, number], eps: 1e-8, weightDecay: 0, amsgrad: false };
const state = initialAdamState(w, hyper); // { step: 0, expAvg: zeros, expAvgSq: zeros }
adamStep(w, w.grad!, state, hyper); // updates w and state in place
console.log(`w ${w.detach().toString()}`);
console.log(`state: step ${state.step}, expAvg ${state.expAvg.toString()}, expAvgSq ${state.expAvgSq.toString()}`);
// The first step moves every coordinate by about lr, whatever its gradient: m̂₁ = g₁, v̂₁ = g₁².
