// examples/guides/gradcheck/burn-in.ts
import { manualSeed, oneHot, randint, randn, type Tensor } from '@tapegrad/tensor';
import { softmaxCrossEntropy } from '@tapegrad/losses';
import { SGD } from '@tapegrad/optim';
import { gradcheckSparse } from '@tapegrad/gradcheck';

// The softmax classifier of the sparse check above, at the course's initial scale W = 0.001·randn.
manualSeed(0);
const [N, D, C, reg] = [20, 11, 4, 0.1];
const X = randn([N, D]);
const y = randint(0, C, [N]);
const initial = randn([D, C]).mul(0.001);
const loss = (W: Tensor, lambda: number) => softmaxCrossEntropy(X.matmul(W), y).add(W.mul(W).sum().mul(lambda));

// Two hand-written gradients of the loss: the right one, and one whose regularisation term is λW
// where the derivative of λ Σ W² is 2λW.
const dataGradient = (W: Tensor) => X.T.matmul(X.matmul(W).softmax(1).sub(oneHot(y, C))).div(N);
const gradients = {
  'Xᵀ(P − Y)/N + 2λW (right)': (W: Tensor, lambda: number) => dataGradient(W).add(W.mul(2 * lambda)),
  'Xᵀ(P − Y)/N + λW  (a bug)': (W: Tensor, lambda: number) => dataGradient(W).add(W.mul(lambda)),
};

// A short burn-in: 10 SGD steps on the regularised loss, so the weights look like training's.
const trained = initial.clone().requiresGrad_();
const optimizer = new SGD([trained], { lr: 0.5 });
for (let step = 0; step < 10; step++) {
  optimizer.zeroGrad();
  loss(trained, reg).backward();
  optimizer.step();
}
const burnedIn = trained.detach();
const meanAbs = (W: Tensor) => W.abs().mean().item().toPrecision(2);
console.log(`mean |W|: ${meanAbs(initial)} at init, ${meanAbs(burnedIn)} after 10 steps`);

/** The course's reading of a relative error (smooth loss: no kinks). */
const verdict = (error: number) => (error < 1e-7 ? 'good' : error < 1e-4 ? 'too high' : error < 1e-2 ? 'suspicious' : 'wrong');
const checks: [string, Tensor, number][] = [['reg 0, at init', initial, 0], [`reg ${reg}, at init`, initial, reg], [`reg ${reg}, after 10 steps`, burnedIn, reg]];
console.log(`dW =${' '.repeat(24)}${checks.map(([name]) => name.padEnd(25)).join('')}`.trimEnd());
for (const [name, gradient] of Object.entries(gradients)) {
  const cells = checks.map(([, W, lambda]) => {
    const { maxRelError } = gradcheckSparse((v) => loss(v, lambda), W, gradient(W, lambda), { numChecks: 10 });
    return `${maxRelError.toExponential(1)} ${verdict(maxRelError)}`.padEnd(25);
  });
  console.log(`${name.padEnd(28)}${cells.join('')}`.trimEnd());
}
