// examples/guides/regularization/weight-decay.ts
import { manualSeed, randn, type Tensor } from '@tapegrad/tensor';
import { l2Penalty, mse } from '@tapegrad/losses';
import { Adam, AdamW, SGD } from '@tapegrad/optim';

// A small least-squares problem: 16 examples, 3 weights.
manualSeed(0);
const x = randn([16, 3]);
const target = randn([16]);
const dataLoss = (w: Tensor): Tensor => mse(x.matmul(w), target);
const start = randn([3]);
const [lr, lambda] = [0.1, 0.5];

// One step of the course's rule: w ← (1 − ηλ)·w − η·∂C₀/∂w ("weight decay": the weights shrink by a fixed factor).
const w0 = start.clone().requiresGrad_();
dataLoss(w0).backward();
const byHand = w0.detach().mul(1 - lr * lambda).sub(w0.grad!.mul(lr));
const w1 = start.clone().requiresGrad_();
const sgd = new SGD([w1], { lr, weightDecay: lambda });
dataLoss(w1).backward();
sgd.step();
console.log(`(1 − ηλ)w − η∇C₀: ${byHand.toString()}`);
console.log(`SGD weightDecay:   ${w1.detach().toString()}`);

/** `steps` steps of `optimizer` on `loss`, from `start`; returns the weights. */
function train(makeOptimizer: (w: Tensor) => { zeroGrad(): void; step(): void }, loss: (w: Tensor) => Tensor, steps = 20): Tensor {
  const w = start.clone().requiresGrad_();
  const optimizer = makeOptimizer(w);
  for (let step = 0; step < steps; step++) {
    optimizer.zeroGrad();
    loss(w).backward();
    optimizer.step();
  }
  return w.detach();
}
const withPenalty = (w: Tensor): Tensor => dataLoss(w).add(l2Penalty(w, lambda / 2)); // ½λ Σ w², gradient λw

const same = (a: Tensor, b: Tensor): boolean => a.eq(b).sum().item() === a.size;

// weightDecay: λ takes the same steps as adding ½λ Σ w² to the loss, with momentum and with Adam too…
const decayed = train((w) => new SGD([w], { lr, momentum: 0.9, weightDecay: lambda }), dataLoss);
const penalised = train((w) => new SGD([w], { lr, momentum: 0.9 }), withPenalty);
console.log(`SGD + momentum, 20 steps: ${decayed.toString()}; the same bits with the penalty: ${same(decayed, penalised)}`);
const adamDecayed = train((w) => new Adam([w], { lr, weightDecay: lambda }), dataLoss);
const adamPenalised = train((w) => new Adam([w], { lr }), withPenalty);
console.log(`Adam, 20 steps:           ${adamDecayed.toString()}; the same bits with the penalty: ${same(adamDecayed, adamPenalised)}`);
// …but not AdamW, which shrinks w by (1 − ηλ) outside Adam's per-coordinate scaling.
console.log(`AdamW, 20 steps:          ${train((w) => new AdamW([w], { lr, weightDecay: lambda }), dataLoss).toString()}`);
console.log(`Adam without decay:       ${train((w) => new Adam([w], { lr }), dataLoss).toString()}`);
