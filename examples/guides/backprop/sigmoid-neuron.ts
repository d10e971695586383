// examples/guides/backprop/sigmoid-neuron.ts
import { tape, tensor, type Tensor } from '@tapegrad/tensor';
import { explainBackward } from '@tapegrad/viz';

/** The notes' neuron σ(w0·x0 + w1·x1 + w2) at w = [2, −3, −3], x = [−1, −2], with `sigma` as σ. */
function neuron(sigma: (dot: Tensor) => Tensor) {
  const w = [2, -3, -3].map((v, i) => tensor(v, { requiresGrad: true, label: `w${i}` }));
  const x = [-1, -2].map((v, i) => tensor(v, { requiresGrad: true, label: `x${i}` }));
  const dot = w[0].mul(x[0]).add(w[1].mul(x[1])).add(w[2]).retainGrad();
  dot.label = 'dot';
  return { w, x, dot, out: sigma(dot) };
}
const grads = (ts: Tensor[]) => `[${ts.map((t) => t.grad!.item().toFixed(2)).join(', ')}]`;

// Gate by gate, as the course draws it: σ(d) = 1 / (1 + e^(−d)) is neg, exp, add 1, then 1/·.
const gates = neuron((dot) => dot.neg().exp().add(1).pow(-1));
const gateOps = tape(gates.out).nodes.length; // before backward, which frees the graph
gates.out.backward();
console.log(`gates:   ${gateOps} ops, out = ${gates.out.item().toFixed(3)}, ∂out/∂dot = ${gates.dot.grad!.item().toFixed(3)}`);
console.log(`         dx = ${grads(gates.x)}, dw = ${grads(gates.w)}`);

// One sigmoid op: its local gradient σ(1 − σ) is read off its own output, so the last four
// gates become one step of backward.
const fused = neuron((dot) => dot.sigmoid());
const [sigmoidStep] = explainBackward(fused.out).steps; // backward's first step: the newest node
console.log(`sigmoid: ${tape(fused.out).nodes.length} ops, out = ${fused.out.item().toFixed(3)}, rule ${sigmoidStep.rule.symbols}`);
console.log(`         sends dot ← ${sigmoidStep.inputs[0].grad!.item().toFixed(3)} = ${fused.out.item().toFixed(3)} · (1 − ${fused.out.item().toFixed(3)})`);
fused.out.backward();
console.log(`         dx = ${grads(fused.x)}, dw = ${grads(fused.w)}`);
