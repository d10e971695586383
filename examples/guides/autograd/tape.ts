// examples/guides/autograd/tape.ts
import { tensor, tape } from '@tapegrad/tensor';

const x = tensor(-2, { requiresGrad: true, label: 'x' });
const y = tensor(5, { requiresGrad: true, label: 'y' });
const z = tensor(-4, { requiresGrad: true, label: 'z' });
const f = x.add(y).mul(z);
console.log(tape(f).toString());
f.backward();
console.log('x.grad =', x.grad!.item(), 'y.grad =', y.grad!.item(), 'z.grad =', z.grad!.item()); // add distributes, mul swaps
