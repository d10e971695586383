/**
 * Gradient checking as the course notes' appendix does it, on the two linear-classifier losses
 * (multiclass SVM and softmax, each plus λ Σ W²): after a short burn-in, compare the analytic
 * gradient — the notes' hand-derived formula, and tapegrad's backward — with centered differences
 * at a few random entries of W, regularisation off then on, in float64, and read the relative
 * errors with the notes' thresholds. Then a kink: at the hinge's margin the centered difference
 * straddles two slopes and the bare relative error cries "wrong"; `gradcheck` compares the
 * one-sided slopes and reports a kink instead.
 *
 *   npx tsx examples/gradient-check.ts     (--quick is accepted; this is already quick)
 */
import { manualSeed, noGrad, oneHot, randint, randn, tensor, type Tensor } from '@tapegrad/tensor';
import { gradcheck, gradcheckSparse, type SparseCheckReport } from '@tapegrad/gradcheck';
import { l2Penalty, multiclassHinge, softmaxCrossEntropy } from '@tapegrad/losses';
import { SGD } from '@tapegrad/optim';

const seed = 0;
const [samples, features, classes] = [20, 30, 10];
const regularization = 0.1;
const burnInSteps = 20;

manualSeed(seed);
const X = randn([samples, features]); // float64, the default: in float32 the differences would be mostly rounding noise
const y = randint(0, classes, [samples]);
const Y = oneHot(y, classes);

type Loss = (W: Tensor, lambda: number) => Tensor;
type Gradient = (W: Tensor, lambda: number) => Tensor;

/** λ Σ W² adds 2λW to either gradient (the notes' convention, without the ½). */
const svmLoss: Loss = (W, lambda) => multiclassHinge(X.matmul(W), y).add(l2Penalty(W, lambda));
const softmaxLoss: Loss = (W, lambda) => softmaxCrossEntropy(X.matmul(W), y).add(l2Penalty(W, lambda));

/** The notes: each class j ≠ y with s_j − s_y + 1 > 0 adds x_i to column j and −x_i to column y. */
const svmFormula: Gradient = (W, lambda) => {
  const scores = X.matmul(W);
  const violated = scores.sub(scores.gather(1, y.unsqueeze(1))).add(1).gt(0).astype('float64').mul(Y.neg().add(1));
  const perClass = violated.sub(Y.mul(violated.sum(1, true))); // the correct class: −1 per violation
  return X.T.matmul(perClass).div(samples).add(W.mul(2 * lambda));
};

/** The notes: ∂L/∂s = softmax(s) − onehot(y), so ∂L/∂W = Xᵀ(P − Y)/N. */
const softmaxFormula: Gradient = (W, lambda) =>
  X.T.matmul(X.matmul(W).softmax(1).sub(Y)).div(samples).add(W.mul(2 * lambda));

/**
 * A few SGD steps on the data loss first: at initialisation every score is about 0, so every SVM
 * margin is violated and the softmax is uniform — a gradient can be right there and wrong elsewhere.
 */
function burnIn(name: string, loss: Loss): Tensor {
  const W = randn([features, classes]).mul(1e-3).requiresGrad_();
  W.label = 'W';
  const optimizer = new SGD([W], { lr: 0.01 });
  const initial = noGrad(() => loss(W, 0).item());
  for (let step = 0; step < burnInSteps; step++) {
    optimizer.zeroGrad();
    loss(W, 0).backward();
    optimizer.step();
  }
  console.log(`${name.padEnd(7)} loss ${initial.toFixed(3)} at initialisation → ${noGrad(() => loss(W, 0).item()).toFixed(3)} after ${burnInSteps} SGD steps`);
  return W;
}

/** Both analytic gradients of `loss` at W: the notes' formula and what backward accumulates. */
function analyticGradients(loss: Loss, formula: Gradient, W: Tensor, lambda: number): [string, Tensor][] {
  W.grad = null;
  loss(W, lambda).backward();
  return [
    ["notes' formula", noGrad(() => formula(W, lambda))],
    ['backward', W.grad!],
  ];
}

/** The course's sparse check: centered differences at 10 random entries of W (the same 10 every time). */
function sparseCheck(loss: Loss, W: Tensor, lambda: number, analytic: Tensor): SparseCheckReport {
  return gradcheckSparse((W) => loss(W, lambda), W, analytic, { numChecks: 10, seed });
}

const indent = (text: string): string => text.replace(/^/gm, '  ');

console.log(`${samples} samples × ${features} features × ${classes} classes, float64; burn-in:`);
const svmW = burnIn('svm', svmLoss);
const softmaxW = burnIn('softmax', softmaxLoss);

console.log('\none sparse check in full (svm, λ = 0, backward):');
const [, [, svmBackward]] = analyticGradients(svmLoss, svmFormula, svmW, 0);
console.log(indent(String(sparseCheck(svmLoss, svmW, 0, svmBackward))));

console.log('\nregularisation off, then on; rules of thumb: > 1e-2 probably wrong, 1e-2…1e-4 suspicious, < 1e-4 fine only with kinks, < 1e-7 good');
const cases: [string, Loss, Gradient, Tensor][] = [
  ['svm', svmLoss, svmFormula, svmW],
  ['softmax', softmaxLoss, softmaxFormula, softmaxW],
];
for (const lambda of [0, regularization]) {
  for (const [name, loss, formula, W] of cases) {
    console.log(`${name}, λ = ${lambda}:`);
    for (const [source, gradient] of analyticGradients(loss, formula, W, lambda)) {
      // A sparse report's last line is its largest relative error, read with the notes' thresholds.
      console.log(`  ${source.padEnd(14)}  ${String(sparseCheck(loss, W, lambda, gradient)).split('\n').at(-1)}`);
    }
  }
}

// A kink. The hinge max(0, s_j − s_y + 1) is a relu of the margin, whose slope jumps from 0 to 1 at
// margin 0. Row 0 sits exactly there (2 − 3 + 1 = 0); row 1 sits 4e-7 away, closer than the step h.
console.log('\na kink: the hinge at its margin');
const scores = tensor([[3, 2, -1], [1, 4e-7, -2]], { label: 'scores', requiresGrad: true });
const hinge = (s: Tensor): Tensor => multiclassHinge(s, [0, 0]);
hinge(scores).backward();
const bare = gradcheckSparse(hinge, scores, scores.grad!, { numChecks: scores.size, seed });
console.log(`the sparse check alone, backward's subgradient (relu'(0) = 0) against the centered difference:\n${indent(String(bare))}`);
const report = gradcheck(hinge, [scores]);
console.log(`gradcheck compares the one-sided slopes (h = ${report.eps.toExponential()}) as well:\n  ${String(report)}`);
for (const kink of report.kinks) {
  console.log(
    `  kink at scores[${kink.index.join(',')}]: left slope ${kink.left.toFixed(4)}, right slope ${kink.right.toFixed(4)}, ` +
      `backward ${kink.analytic}, centered difference ${kink.numerical.toFixed(4)}`,
  );
}
console.log(`reproduce: npx tsx examples/gradient-check.ts`);
