// examples/guides/backprop/delta-rule.ts
import { tensor } from '@tapegrad/tensor';

// A 2-3-2 network of sigmoid units on one example, in the notes' notation: unit j's local field
// is v_j = Σ_i w_ji·y_i, its output y_j = φ(v_j) with φ = σ, and e_j = d_j − y_j is an output's error.
const input = [0.5, -1]; //                                 y_i of the input layer
const target = [1, 0]; //                                   d_j
const W1 = [[0.1, -0.2], [0.4, 0.3], [-0.5, 0.2]]; //       w_ji: hidden unit j ← input i
const W2 = [[0.3, -0.1, 0.2], [-0.4, 0.5, 0.1]]; //         w_kj: output unit k ← hidden unit j
const eta = 0.5; //                                         the learning rate η
const phi = (v: number): number => 1 / (1 + Math.exp(-v));
const phiPrime = (v: number): number => phi(v) * (1 - phi(v));
const dot = (w: number[], y: number[]): number => w.reduce((sum, wi, i) => sum + wi * y[i], 0);

// Forward.
const vHidden = W1.map((w) => dot(w, input));
const yHidden = vHidden.map(phi);
const vOut = W2.map((w) => dot(w, yHidden));
const e = vOut.map((v, k) => target[k] - phi(v));
console.log(`E = ½ Σ e² = ${(0.5 * dot(e, e)).toFixed(6)}`);

// The notes' rule, δ_j = −∂E/∂v_j: at an output unit δ_j = e_j·φ'(v_j); at a hidden unit
// δ_j = φ'(v_j)·Σ_k δ_k·w_kj, summed over the output units k that unit j feeds.
const deltaOut = vOut.map((v, k) => e[k] * phiPrime(v));
const deltaHidden = vHidden.map((v, j) => phiPrime(v) * deltaOut.reduce((sum, deltaK, k) => sum + deltaK * W2[k][j], 0));
// Each weight's correction Δw_ji = η·δ_j·y_i: the δ of the unit it feeds times the output it reads.
const dW2 = deltaOut.map((deltaK) => yHidden.map((yj) => eta * deltaK * yj));
const dW1 = deltaHidden.map((deltaJ) => input.map((yi) => eta * deltaJ * yi));
console.log(`δ output ${deltaOut.map((d) => d.toFixed(4)).join(', ')}; δ hidden ${deltaHidden.map((d) => d.toFixed(4)).join(', ')}`);

// The same network with tapegrad: backward gives ∂E/∂w, and gradient descent's step is −η·∂E/∂w.
const w1 = tensor(W1, { requiresGrad: true });
const w2 = tensor(W2, { requiresGrad: true });
const out = tensor([input]).matmul(w1.T).sigmoid().matmul(w2.T).sigmoid(); // [1, 2]
tensor([target]).sub(out).pow(2).sum().mul(0.5).backward();
for (const [name, byHand, grad] of [['W1', dW1, w1.grad!], ['W2', dW2, w2.grad!]] as const) {
  const fromBackward = grad.mul(-eta).toArray() as number[][];
  const largest = Math.max(...byHand.flatMap((row, j) => row.map((d, i) => Math.abs(d - fromBackward[j][i]))));
  console.log(`Δ${name} row 0 by the delta rule ${byHand[0].map((d) => d.toFixed(5)).join(', ')}; −η·∂E/∂${name} agrees: ${largest < 1e-12}`);
}
