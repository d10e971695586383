// examples/guides/backprop/circuit.ts
import { tensor } from '@tapegrad/tensor';

// f(x, y, z) = (x + y) · z as two gates: q = x + y, then f = q · z.
const x = tensor(-2, { requiresGrad: true, label: 'x' });
const y = tensor(5, { requiresGrad: true, label: 'y' });
const z = tensor(-4, { requiresGrad: true, label: 'z' });
const q = x.add(y).retainGrad(); // keep q's gradient too (by default only leaves keep theirs)
const f = q.mul(z);
console.log(`forward:  q = x + y = ${q.item()}, f = q · z = ${f.item()}`);

// Each gate knows only its local gradients: add ∂q/∂x = ∂q/∂y = 1; mul ∂f/∂q = z, ∂f/∂z = q.
const dfdq = z.item();
const dfdz = q.item();
// The chain rule multiplies them along the path from f back to x: ∂f/∂x = ∂f/∂q · ∂q/∂x.
const dfdx = dfdq * 1;
const dfdy = dfdq * 1;
console.log(`by hand:  ∂f/∂q = z = ${dfdq}, ∂f/∂z = q = ${dfdz}, ∂f/∂x = ∂f/∂q · 1 = ${dfdx}, ∂f/∂y = ${dfdy}`);

f.backward();
console.log(`backward: q.grad = ${q.grad!.item()}, z.grad = ${z.grad!.item()}, x.grad = ${x.grad!.item()}, y.grad = ${y.grad!.item()}`);
