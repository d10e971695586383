// examples/guides/backprop/walkthrough.ts
import { tensor } from '@tapegrad/tensor';
import { explainBackward } from '@tapegrad/viz';

const x = tensor(-2, { requiresGrad: true, label: 'x' });
const y = tensor(5, { requiresGrad: true, label: 'y' });
const z = tensor(-4, { requiresGrad: true, label: 'z' });
const q = x.add(y);
q.label = 'q';
const f = q.mul(z);
f.label = 'f';

// The backward pass step by step, in the order f.backward() runs it (newest node first).
console.log(explainBackward(f).toString());
