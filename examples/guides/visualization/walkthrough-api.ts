// examples/guides/visualization/walkthrough-api.ts
import { tensor, type Tensor } from '@tapegrad/tensor';
import { backwardFrames, explainBackward, localRule } from '@tapegrad/viz';

const x = tensor(-2, { requiresGrad: true, label: 'x' });
const y = tensor(5, { requiresGrad: true, label: 'y' });
const z = tensor(-4, { requiresGrad: true, label: 'z' });
const q = x.add(y);
q.label = 'q';
const f = q.mul(z);
f.label = 'f';

const explanation = explainBackward(f);
const show = (t: Tensor | null) => (t === null ? '?' : String(t.item()));
const nameOf = (t: Tensor) => explanation.nameOf(t);

// Every step: the node, its op, the gradient that reached it, its rule, what each input got.
for (const step of explanation.steps) {
  const sent = step.inputs.map((input) => `${nameOf(input.input)} ← ${show(input.grad)}`).join(', ');
  console.log(`step ${step.index + 1}: ${step.op} → ${nameOf(step.output)}, upstream ${show(step.upstream)}, ${step.rule.symbols}; sends ${sent}`);
}

// The gradients known after each step (partial sums; '?' = not reached yet), as the frames show them.
for (let count = 0; count <= explanation.steps.length; count++) {
  const known = explanation.gradsAfter(count);
  console.log(`after ${count} step(s): ${[x, y, z, q, f].map((t) => `${nameOf(t)} ${show(known.get(t) ?? null)}`).join(', ')}`);
}

// The frames are DOT text for Graphviz (renderBackwardFrames gives SVGs); draw them before backward frees the graph.
console.log(`${backwardFrames(explanation).length} DOT frames (the seed, then one per step)`);
// Every primitive's rule, also on its own:
console.log(`localRule('maximum').words: ${localRule('maximum').words}`);

// explainBackward writes no .grad; leafGrads holds what f.backward() will write.
console.log(`leafGrads: ${[...explanation.leafGrads].map(([t, g]) => `${nameOf(t)} ${show(g)}`).join(', ')}; x.grad is still ${x.grad}`);
f.backward();
console.log(`after f.backward(): ${[x, y, z].map((t) => `${nameOf(t)}.grad ${show(t.grad)}`).join(', ')}`);
