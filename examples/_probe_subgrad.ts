import { tensor, grad, Tensor, maximum, minimum, detectAnomaly } from '@tapegrad/tensor';
const s = (t: Tensor) => t.toString();
const g1 = (f: (x: Tensor) => Tensor, v: number[]) => { try { return s(grad((x: Tensor) => f(x).sum())(tensor(v))); } catch (e) { return 'ERR ' + (e as Error).message; } };
console.log('relu(0)', g1((x) => x.relu(), [0]));
console.log('leakyRelu(0, 0.1)', g1((x) => x.leakyRelu(0.1), [0]));
console.log('leakyRelu(0) default', g1((x) => x.leakyRelu(), [0]));
console.log('abs(0)', g1((x) => x.abs(), [0]));
console.log('clamp at min/max', g1((x) => x.clamp(-1, 1), [-1, 1, 0, 2, -2]));
const gm = grad((a: Tensor, b: Tensor) => maximum(a, b).sum(), [0, 1])(tensor([1]), tensor([1])) as Tensor[];
console.log('maximum tie', gm.map(s));
const gn = grad((a: Tensor, b: Tensor) => minimum(a, b).sum(), [0, 1])(tensor([1]), tensor([1])) as Tensor[];
console.log('minimum tie', gn.map(s));
console.log('max 3-tie axis', g1((x) => x.reshape([1, 3]).max(1), [2, 2, 2]));
console.log('max 2-tie of 3 full', g1((x) => x.max(), [2, 1, 2]));
console.log('min tie', g1((x) => x.min(0), [2, 1, 1]));
console.log('sqrt(0)', g1((x) => x.sqrt(), [0]));
console.log('sqrt(0)*0', g1((x) => x.sqrt().mul(0), [0]));
console.log('log(0)', g1((x) => x.log(), [0]));
console.log('std equal', g1((x) => x.std(), [3, 3, 3]));
try { detectAnomaly(() => grad((x: Tensor) => x.sqrt().sum())(tensor([0]))); console.log('anomaly: not flagged'); } catch (e) { console.log('anomaly flagged:', (e as Error).message.split('\n')[0]); }
try { detectAnomaly(() => { const x = tensor([0], { requiresGrad: true }); x.sqrt().sum().backward(); }); console.log('anomaly2: not flagged'); } catch (e) { console.log('anomaly2 flagged:', (e as Error).message.split('\n')[0]); }
