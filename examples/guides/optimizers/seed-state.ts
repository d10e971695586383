// examples/guides/optimizers/seed-state.ts
import { AdaGrad, SGD } from '@tapegrad/optim';
import { tensor } from '@tapegrad/tensor';

const w = tensor([1, 2], { requiresGrad: true });

// SGD's momentum buffer is created on the first step, so set it before that to start from your own.
const opt = new SGD([w], { lr: 0.1, momentum: 0.9 });
const previousVelocity = tensor([0.5, -0.5]);
opt.state.set(w, { momentumBuffer: previousVelocity.clone() });
w.mul(w).sum().backward(); // grad 2w = [2, 4]
opt.step(); // buffer ← 0.9·[0.5, −0.5] + [2, 4]; w ← w − 0.1·buffer
console.log(`SGD: momentumBuffer ${opt.state.get(w)!.momentumBuffer!.toString()}, w ${w.detach().toString()}`);

// AdaGrad's state exists from the start (as in PyTorch): change it in place.
const adagrad = new AdaGrad([w]);
adagrad.state.get(w)!.sum.fill_(0.1);
console.log(`AdaGrad: ${Object.keys(adagrad.state.get(w)!).join(', ')}; sum ${adagrad.state.get(w)!.sum.toString()}`);
