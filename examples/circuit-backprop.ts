/**
 * Backpropagation on the course notes' two circuits, one gate at a time: every intermediate value
 * is labelled and keeps its gradient (`retainGrad()`), so after one `backward()` you can read what
 * each gate received and check the local rules by hand — add distributes the upstream gradient,
 * mul swaps its inputs, max routes it to the larger input, and a value used twice adds up both
 * contributions.
 *
 *   npx tsx examples/circuit-backprop.ts     (--quick is accepted; this is already instant)
 */
import { concat, ones, scalar, tape, tensor, type Tensor } from '@tapegrad/tensor';

/** A labelled scalar leaf: the inputs of a circuit. */
function input(label: string, value: number): Tensor {
  return scalar(value, { requiresGrad: true, label });
}

/** Labels an intermediate and asks backward to keep its gradient (only leaves keep it otherwise). */
function named(label: string, t: Tensor): Tensor {
  t.label = label;
  return t.retainGrad();
}

/** Rounded to 4 decimals, as a reader compares with the notes: 0.7311, [0.3932, -0.5898]. */
function show(t: Tensor): string {
  const round = (v: number) => String(Number(v.toFixed(4)));
  return t.ndim === 0 ? round(t.item()) : `[${Array.from(t.buffer, round).join(', ')}]`;
}

/** One line per node: its value in the forward pass and ∂(output)/∂(node) after backward. */
function table(output: string, nodes: readonly Tensor[]): void {
  for (const t of nodes) console.log(`  ${t.label!.padEnd(4)} = ${show(t).padStart(7)}    ∂${output}/∂${t.label} = ${show(t.grad!)}`);
}

// 1. f(x, y, z) = (x + y) · z at x = −2, y = 5, z = −4.
console.log('f(x, y, z) = (x + y) · z');
const x = input('x', -2);
const y = input('y', 5);
const z = input('z', -4);
const q = named('q', x.add(y));
const f = named('f', q.mul(z));
console.log(String(tape(f)).replace(/^/gm, '  '));
f.backward();
table('f', [x, y, z, q, f]);

// 2. The local rules, read off the same numbers. Max and reuse get fresh leaves, because
//    gradients accumulate across backward calls.
console.log('\nthe local rules, on the same numbers:');
console.log(`  add distributes: q = x + y receives ∂f/∂q = ${show(q.grad!)} and passes it on unchanged: ∂f/∂x = ${show(x.grad!)}, ∂f/∂y = ${show(y.grad!)}`);
console.log(`  mul swaps:       f = q · z gives each input the other one: ∂f/∂q = z = ${show(q.grad!)}, ∂f/∂z = q = ${show(z.grad!)}`);
function showMaxRoutes(): void {
  const [x, y, z] = [input('x', -2), input('y', 5), input('z', -4)];
  const m = named('m', x.maximum(y));
  m.mul(z).backward();
  console.log(`  max routes:      m = max(x, y) = ${show(m)} receives ∂(m·z)/∂m = ${show(m.grad!)} and sends it all to the larger input: ∂/∂y = ${show(y.grad!)}, ∂/∂x = ${show(x.grad!)}`);
}

function showReuseAdds(): void {
  const x = input('x', -2);
  x.mul(x).backward();
  console.log(`  used twice adds: in x · x each use receives the other factor, x = ${show(x)}; together ∂(x·x)/∂x = ${show(x.grad!)} = 2x`);
}

showMaxRoutes();
showReuseAdds();

// 3. The 2-input sigmoid neuron σ(w0·x0 + w1·x1 + w2), with σ(d) = 1 / (1 + e^(−d)) spelled out
//    as gates, as the course draws it, so every step of the chain rule has a node to look at.
console.log('\nsigmoid neuron σ(w0·x0 + w1·x1 + w2), gate by gate:');
const [w0, x0, w1, x1, w2] = [input('w0', 2), input('x0', -1), input('w1', -3), input('x1', -2), input('w2', -3)];
const a = named('a', w0.mul(x0));
const b = named('b', w1.mul(x1));
const c = named('c', a.add(b));
const dot = named('dot', c.add(w2));
const neg = named('neg', dot.neg());
const exp = named('exp', neg.exp());
const den = named('den', exp.add(1));
const out = named('out', den.pow(-1));
console.log(String(tape(out)).replace(/^/gm, '  '));
out.backward();
table('out', [w0, x0, w1, x1, w2, a, b, c, dot, neg, exp, den, out]);
// Each gradient is the gate's local derivative times the gradient of the gate's output.
console.log(`  chain rule at the exp gate: ∂out/∂neg = e^neg · ∂out/∂exp = ${show(exp)} · ${show(exp.grad!)} = ${show(neg.grad!)}`);
// The four gates after dot make up σ, so what reaches dot is σ's local gradient (times ∂out/∂out = 1).
console.log(`  σ's local gradient σ(1 − σ) = ${show(out.mul(out.neg().add(1)))} is what reaches dot: ∂out/∂dot = ${show(dot.grad!)}`);

// 4. The same neuron with vectors and the fused sigmoid op. Appending a constant 1 to x (the bias
//    trick) makes w2 the weight of that input, so the neuron is one dot product.
const w = tensor([2, -3, -3], { requiresGrad: true, label: 'w' });
const xs = tensor([-1, -2], { requiresGrad: true, label: 'x' });
const neuron = w.matmul(concat([xs, ones([1])])).sigmoid();
neuron.backward();
console.log(`\nthe same neuron fused: σ(w · [x, 1]) = ${show(neuron)}; dx = ${show(xs.grad!)}; dw = ${show(w.grad!)}`);

// 5. Against the course notes, which round: a value matches within half a unit of its last digit.
const notes: [name: string, got: Tensor, expected: number[], tolerance: number][] = [
  ['q', q, [3], 0],
  ['f', f, [-12], 0],
  ['∂f/∂q', q.grad!, [-4], 0],
  ['∂f/∂x', x.grad!, [-4], 0],
  ['∂f/∂y', y.grad!, [-4], 0],
  ['∂f/∂z', z.grad!, [3], 0],
  ['σ(1)', neuron, [0.731], 5e-4],
  ['σ(1 − σ)', dot.grad!, [0.197], 5e-4],
  ['dx', xs.grad!, [0.39, -0.59], 5e-3],
  ['dw', w.grad!, [-0.2, -0.39, 0.2], 5e-3],
];
const mismatches = notes.filter(([, got, expected, tolerance]) => expected.some((value, i) => !(Math.abs(got.buffer[i] - value) <= tolerance)));
for (const [name, got, expected] of mismatches) console.log(`MISMATCH ${name}: got ${show(got)}, the notes say ${expected.join(', ')}`);
console.log(`\ncourse notes' numbers: ${notes.length - mismatches.length} of ${notes.length} match (${notes.map(([name]) => name).join(', ')})`);
console.log('reproduce: npx tsx examples/circuit-backprop.ts');
if (mismatches.length > 0) process.exitCode = 1;
