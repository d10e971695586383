// examples/guides/gradcheck/sparse.ts
import { manualSeed, oneHot, randint, randn, type Tensor } from '@tapegrad/tensor';
import { softmaxCrossEntropy } from '@tapegrad/losses';
import { gradcheckSparse } from '@tapegrad/gradcheck';

manualSeed(0);
const [N, D, C, reg] = [20, 11, 4, 0.1];
const X = randn([N, D]);
const y = randint(0, C, [N]);
const W = randn([D, C]).mul(0.01);
W.label = 'W';
// The softmax loss and the gradient derived by hand, as in the course's assignment:
// L = mean_i(−log p_{i,y_i}) + λ Σ W²,  ∂L/∂W = Xᵀ(P − onehot(y)) / N + 2λW
const loss = (W: Tensor) => softmaxCrossEntropy(X.matmul(W), y).add(W.mul(W).sum().mul(reg));
const dW = X.T.matmul(X.matmul(W).softmax(1).sub(oneHot(y, C))).div(N).add(W.mul(2 * reg));

const checks = gradcheckSparse(loss, W, dW, { numChecks: 10 });
console.log(String(checks));
