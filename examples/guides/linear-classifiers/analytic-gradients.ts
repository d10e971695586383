// examples/guides/linear-classifiers/analytic-gradients.ts
import { manualSeed, randn, zeros } from '@tapegrad/tensor';
import { linearClassifierObjective } from '@tapegrad/classifiers';

// 8 examples of 5 features, 4 classes.
manualSeed(0);
const [N, D, C] = [8, 5, 4];
const x = randn([N, D]);
const y = [0, 1, 2, 3, 0, 1, 2, 3];
const reg = 0.1;

/** The course's gradient of the loss with respect to W, with loops over examples and classes. */
function gradientByHand(loss: 'svm' | 'softmax', W: number[][]): number[][] {
  const rows = x.toArray() as number[][];
  const dW = W.map((row) => row.map(() => 0));
  for (let i = 0; i < N; i++) {
    const s = Array.from({ length: C }, (_, j) => rows[i].reduce((sum, xd, d) => sum + xd * W[d][j], 0));
    // How much each class's score pushes the loss: the columns of W get x_i times it.
    const dScores = new Array<number>(C).fill(0);
    if (loss === 'svm') {
      for (let j = 0; j < C; j++) {
        if (j !== y[i] && s[j] - s[y[i]] + 1 > 0) {
          dScores[j] += 1; //    ∂L_i/∂W_j += x_i
          dScores[y[i]] -= 1; // ∂L_i/∂W_y −= x_i
        }
      }
    } else {
      const top = Math.max(...s);
      const exps = s.map((sj) => Math.exp(sj - top));
      const total = exps.reduce((a, b) => a + b);
      for (let j = 0; j < C; j++) dScores[j] = exps[j] / total - (j === y[i] ? 1 : 0); // p − onehot(y)
    }
    for (let d = 0; d < D; d++) for (let j = 0; j < C; j++) dW[d][j] += (rows[i][d] * dScores[j]) / N;
  }
  return dW.map((row, d) => row.map((g, j) => g + 2 * reg * W[d][j])); // λ Σ W² adds 2λW
}

for (const loss of ['svm', 'softmax'] as const) {
  const W = randn([D, C], { requiresGrad: true });
  const b = zeros([C], { requiresGrad: true });
  linearClassifierObjective(x, y, W, b, { loss, reg }).backward();
  const byHand = gradientByHand(loss, W.toArray() as number[][]);
  const autograd = W.grad!.toArray() as number[][];
  const largest = Math.max(...autograd.flatMap((row, d) => row.map((g, j) => Math.abs(g - byHand[d][j]))));
  console.log(`${loss.padEnd(7)}: max |autograd − by hand| < 1e-12: ${largest < 1e-12}; dW[0] = ${autograd[0].map((g) => g.toFixed(4)).join(', ')}`);
}
