// examples/guides/autograd/define-op.ts
import { defineOp, tensorArb, tensor } from '@tapegrad/tensor';

const cube = defineOp({
  name: 'cube',
  forward: ([x]) => ({ buffer: x.buffer.map((v) => v ** 3), shape: x.shape }),
  backward: (g, [x]) => [g.mul(x.mul(x).mul(3))],   // written with Tensor ops: differentiable again
  sample: (fc) => tensorArb(fc, [2, 3]).map((x) => ({ inputs: [x], attrs: undefined })),
});
const x = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
const y = cube.apply([x]);
y.sum().backward();
console.log('y =', y.toString());
console.log('x.grad =', x.grad!.toString());
