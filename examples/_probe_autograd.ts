import { tensor, tape, grad, valueAndGrad, vjp, hvp, jacobian, Tensor, randn, manualSeed, defineOp, tensorArb, listOps, zeros, matmul } from '@tapegrad/tensor';

const x = tensor(-2, { requiresGrad: true, label: 'x' });
const y = tensor(5, { requiresGrad: true, label: 'y' });
const z = tensor(-4, { requiresGrad: true, label: 'z' });
const f = x.add(y).mul(z);
console.log(tape(f).toString());
f.backward();
console.log('grads', x.grad!.item(), y.grad!.item(), z.grad!.item());
try { f.backward(); } catch (e) { console.log('2nd backward:', (e as Error).message); }
console.log('tape after backward:'); try { console.log(tape(f).toString()); } catch (e) { console.log('tape threw:', (e as Error).message); }

// transforms
const g = (x: Tensor) => x.tanh().sum();
console.log('grad', grad(g)(tensor([0.5])).toString(), 1 - Math.tanh(0.5) ** 2);
console.log('2nd', grad((x: Tensor) => (grad(g)(x) as Tensor).sum())(tensor([0.5])).toString(), -2 * Math.tanh(0.5) * (1 - Math.tanh(0.5) ** 2));
manualSeed(0);
const W = randn([3, 2]); const xx = randn([4, 3]);
const vg = valueAndGrad((W: Tensor, x: Tensor) => x.matmul(W).sum(), [0, 1])(W, xx);
console.log('valueAndGrad', vg[0].toString(), (vg[1] as Tensor[]).map((t) => t.shape));
const r = vjp((x: Tensor) => x.mul(x), [tensor([1, 2])], tensor([1, 1]));
console.log('vjp', r.out.toString(), r.grads.map(String));
console.log('hvp', hvp(g, tensor([0.5, 1]), tensor([1, 0])).toString());
console.log('jac', jacobian((x: Tensor) => x.mul(x))(tensor([1, 2])).toString());

// errors
try { randn([64, 784], { label: 'x' }).matmul(randn([256, 10], { label: 'W2' })); } catch (e) { console.log('E1', (e as Error).message); }
try { randn([2, 3], { label: 'a' }).add(randn([4], { label: 'b' })); } catch (e) { console.log('E2', (e as Error).message); }
try { randn([2, 3]).add(randn([4])); } catch (e) { console.log('E2b', (e as Error).message); }
try { randn([3], { requiresGrad: true }).mul(2).backward(); } catch (e) { console.log('E3', (e as Error).message); }

// defineOp
const cube = defineOp({
  name: 'cube',
  forward: ([x]) => ({ buffer: x.buffer.map((v) => v ** 3), shape: x.shape }),
  backward: (g, [x]) => [g.mul(x.mul(x).mul(3))],
  sample: (fc) => tensorArb(fc, [2, 3]).map((x) => ({ inputs: [x], attrs: undefined })),
});
const xc = tensor([1, 2], { requiresGrad: true });
const yc = cube.apply([xc]);
yc.sum().backward();
console.log('cube', yc.toString(), xc.grad!.toString());
console.log('zeroGrad', typeof (xc as any).zeroGrad); xc.zeroGrad(); console.log(xc.grad);
