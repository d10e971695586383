// examples/guides/backprop/patterns.ts
import { tensor, type Tensor } from '@tapegrad/tensor';
import { explainBackward } from '@tapegrad/viz';

const named = (label: string, t: Tensor) => Object.assign(t, { label });
const [x, y, z, w] = Object.entries({ x: 3, y: -4, z: 2, w: -1 }).map(([label, v]) => tensor(v, { requiresGrad: true, label }));
// f = 2 · (x·y + max(z, w))
const a = named('a', x.mul(y));
const m = named('m', z.maximum(w));
const s = named('s', a.add(m));
const f = named('f', s.mul(named('2', tensor(2)))); // a constant: it needs no gradient

const explanation = explainBackward(f);
for (const step of explanation.steps) {
  const pattern = step.rule.words.split(':')[0]; // "add distributes", "max routes", "mul swaps"
  const sent = step.inputs.map(({ input, grad }) => `${explanation.nameOf(input)} ← ${grad === null ? 'none' : grad.item()}`);
  console.log(`${step.op.padEnd(7)} → ${explanation.nameOf(step.output)}  upstream ${step.upstream.item()}  sends ${sent.join(', ').padEnd(19)} ${pattern}`);
}
