// examples/guides/linear-classifiers/softmax-jacobian.ts
import { eye, jacobian, oneHot, tensor, type Tensor } from '@tapegrad/tensor';
import { softmaxCrossEntropy } from '@tapegrad/losses';

const show = (values: Iterable<number>): string => `[${[...values].map((v) => v.toFixed(4).padStart(7)).join(' ')}]`;
const softmaxJacobian = jacobian((scores) => scores.softmax(0)); // J[i][j] = ∂p_i/∂z_j

// The cat image's scores z for cat, car, frog, and p = softmax(z).
const z = tensor([3.2, 5.1, -1.7]);
const p = z.softmax(0);
console.log(`p = ${show(p.data())}`);

// Every ∂p_i/∂z_j by autograd (one backward pass per output p_i gives row i), next to the notes'
// formula ∂p_i/∂z_j = p_i(δ_ij − p_j): p_i − p_i² on the diagonal, −p_i·p_j off it.
const J = softmaxJacobian(z); // [3, 3]
const formula = p.unsqueeze(1).mul(eye(3).sub(p.unsqueeze(0)));
console.log('jacobian (autograd)        p_i(δ_ij − p_j)');
for (let i = 0; i < 3; i++) console.log(`${show(J.data().slice(3 * i, 3 * i + 3))}  ${show(formula.data().slice(3 * i, 3 * i + 3))}`);
console.log(`max |jacobian − formula| < 1e-12: ${J.sub(formula).abs().max().item() < 1e-12}`);

/** Backward through softmax by the chain rule: the upstream gradient ∂L/∂p times the Jacobian, Jᵀ·∂L/∂p. */
const throughJacobian = (jacobianAtZ: Tensor, upstream: Tensor): Tensor => jacobianAtZ.T.matmul(upstream.unsqueeze(1)).reshape([-1]);

// Cross-entropy with label 0 (cat): L = −Σ_i y_i·log p_i, so the gradient arriving at p is −y/p.
// In Jᵀ·(−y/p) only the correct class's term survives: −(1/p_y)·p_y(δ_yj − p_j) = p_j − y_j.
const y = oneHot([0], 3).reshape([3]);
const upstream = y.neg().div(p);
console.log(`upstream −y/p = ${show(upstream.data())}`);
console.log(`Jᵀ·(−y/p)     = ${show(throughJacobian(J, upstream).data())}`);
console.log(`p − y         = ${show(p.sub(y).data())}`);

// softmaxCrossEntropy goes straight to p − y: no C × C Jacobian, and no division by p.
const scores = z.unsqueeze(0).requiresGrad_();
softmaxCrossEntropy(scores, [0]).backward();
console.log(`softmaxCrossEntropy's gradient ${show(scores.grad!.data())}`);

// Which matters when p_y underflows: at scores (−800, 0) with label 0, p_y = e^−800/… is 0 in float64.
const far = tensor([-800, 0]);
const yFar = oneHot([0], 2).reshape([2]);
const farScores = far.unsqueeze(0).requiresGrad_();
softmaxCrossEntropy(farScores, [0]).backward();
console.log(`scores (−800, 0): Jᵀ·(−y/p) = ${show(throughJacobian(softmaxJacobian(far), yFar.neg().div(far.softmax(0))).data())}, fused ${show(farScores.grad!.data())}`);
