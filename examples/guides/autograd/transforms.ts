// examples/guides/autograd/transforms.ts
import { grad, valueAndGrad, vjp, hvp, jacobian, tensor, randn, manualSeed, type Tensor } from '@tapegrad/tensor';

const f = (x: Tensor) => x.tanh().sum();
const show = (t: Tensor) => t.toString();
console.log('grad', show(grad(f)(tensor([0.5]))));                                      // 1 − tanh²(0.5)
console.log('second derivative', show(grad((x: Tensor) => (grad(f)(x) as Tensor).sum())(tensor([0.5]))));
manualSeed(0);
const W = randn([3, 2]), x = randn([4, 3]);
const [value, [dW, dx]] = valueAndGrad((W, x) => x.matmul(W).sum(), [0, 1])(W, x);
console.log('valueAndGrad', value.item().toFixed(4), JSON.stringify(dW.shape), JSON.stringify(dx.shape));
const { out, grads } = vjp((x) => x.mul(x), [tensor([1, 2])], tensor([1, 1]));
console.log('vjp', show(out), show(grads[0]!));
console.log('hvp', show(hvp(f, tensor([0.5]), tensor([1]))));                           // Hessian · v
console.log('jacobian', show(jacobian((x) => x.mul(x))(tensor([1, 2]))));
