// examples/guides/autograd/backward.ts
import { tensor } from '@tapegrad/tensor';

const x = tensor(3, { requiresGrad: true, label: 'x' });
const h = x.mul(x);                 // x used twice: d(x·x)/dx = x + x
h.retainGrad();                     // keep the gradient of an intermediate
const y = h.add(x);
y.backward({ retainGraph: true });
console.log('x.grad =', x.grad!.item(), 'h.grad =', h.grad!.item()); // 2x + 1 = 7, 1
y.backward();                       // .grad accumulates across backward calls
console.log('after a second backward: x.grad =', x.grad!.item());
x.zeroGrad();
try {
  y.backward();                     // the graph was freed by the backward without retainGraph
} catch (error) {
  console.log((error as Error).message);
}
