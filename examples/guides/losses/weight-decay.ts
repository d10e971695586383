// examples/guides/losses/weight-decay.ts
import { manualSeed, randn, type Tensor } from '@tapegrad/tensor';
import { l2Penalty, mse } from '@tapegrad/losses';
import { SGD } from '@tapegrad/optim';

manualSeed(0);
const [x, target, start] = [randn([8, 3]), randn([8, 1]), randn([3, 1])];
const [lr, lambda] = [0.1, 0.01];
const dataLoss = (w: Tensor) => mse(x.matmul(w), target);

// these take the same steps with plain SGD:
const a = start.clone().requiresGrad_();
const b = start.clone().requiresGrad_();
const withDecay = new SGD([a], { lr, weightDecay: lambda });          // on dataLoss
const withPenalty = new SGD([b], { lr });                             // on dataLoss.add(l2Penalty(params, lambda / 2))
for (let step = 0; step < 20; step++) {
  withDecay.zeroGrad();
  dataLoss(a).backward();
  withDecay.step();
  withPenalty.zeroGrad();
  dataLoss(b).add(l2Penalty(b, lambda / 2)).backward();
  withPenalty.step();
}
const show = (w: Tensor) => Array.from(w.buffer, (v) => v.toFixed(4)).join(' ');
console.log(`after 20 steps: weightDecay ${show(a)}; l2Penalty ${show(b)}`);
console.log(`largest difference < 1e-12: ${a.sub(b).abs().max().item() < 1e-12}`);
