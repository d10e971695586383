import { tensor, Tensor, randn, manualSeed, defineOp, anyTensorArb, scalar } from '@tapegrad/tensor';
import { gradcheck, assertGradcheck, relError, gradcheckSparse, numericalGradient, arbitraries } from '@tapegrad/gradcheck';
import * as fc from 'fast-check';
const log = console.log;
log('relu doc:', gradcheck((x) => x.relu().sum(), [tensor([-1, 0, 2], { label: 'x' })]).toString());
const r3 = gradcheck((x) => x.max(), [tensor([2, 2, 2], { label: 'x' })]);
log('3-tie max:', r3.ok, r3.toString(), JSON.stringify(r3.kinks));
log('relError', relError(1, 1.01), relError(0, 0), relError(tensor([1, 2]), tensor([1, 2.2])), relError(-1, 1), relError(NaN, 1));
for (const opts of [{ eps: -1e-6 }, { atol: -1 }, { rtol: -1 }, { eps: 0 }, { atol: NaN }, { float32Atol: -1 }, { seed: 1.5 }, { seed: NaN }, { projection: tensor([1, 2, 3]) }]) {
  try { const r = gradcheck((x) => x.mul(x), [tensor([1, 2])], opts as any); log(JSON.stringify(opts), '->', r.ok, r.toString().split('\n')[0]); } catch (e) { log(JSON.stringify(opts), 'threw:', (e as Error).message); }
}
for (const opts of [{ numChecks: -1 }, { numChecks: 2.5 }, { eps: -1 }, { seed: NaN }]) {
  try { const r = gradcheckSparse((x) => x.mul(x).sum(), tensor([1, 2]), tensor([2, 4]), opts as any); log('sparse', JSON.stringify(opts), '->', String(r)); } catch (e) { log('sparse', JSON.stringify(opts), 'threw:', (e as Error).message); }
}
// sparse check values
manualSeed(0);
const W = randn([5, 3], { label: 'W' });
const sp = gradcheckSparse((W) => W.mul(W).sum(), W, W.mul(2), { numChecks: 4 });
log(String(sp)); log(sp.length, sp.maxRelError, JSON.stringify(sp[0]));
console.log(sp);
const sp2 = gradcheckSparse((W) => W.mul(W).sum(), W, W.mul(2.2), { numChecks: 3 });
log(String(sp2));
for (const c of sp2) log('rel check', c.relError, Math.abs(c.analytic - c.numerical) / Math.max(Math.abs(c.analytic), Math.abs(c.numerical)));
// multi-input failure report
const bad = defineOp({
  name: 'badMul',
  forward: ([a, b]) => ({ buffer: a.buffer.map((v, i) => v * b.buffer[i]), shape: a.shape }),
  backward: (g, [a, b]) => [g.mul(b), g.mul(a).mul(-1)],
  sample: (fc) => anyTensorArb(fc, { maxSize: 4 }).map((x) => ({ inputs: [x, x], attrs: undefined })),
});
manualSeed(1);
const rep = gradcheck((a, b, i) => bad.apply([a, b]), [randn([2, 3], { label: 'a' }), randn([2, 3]), tensor([1], { dtype: 'int32' })]);
log(rep.toString());
log(JSON.stringify(Object.keys(rep)), JSON.stringify(Object.keys(rep.perInput[0])), JSON.stringify(rep.perInput[2]));
// assertGradcheck return
log(assertGradcheck((x) => x.exp(), [tensor([1, 2])]).ok);
// numericalGradient with int32
log(numericalGradient((x, i) => x.mul(x).sum(), [tensor([1, 2]), tensor([0], { dtype: 'int32' })]).map(String));
// float32
log(gradcheck((x) => x.exp().sum(), [tensor([1, 2], { dtype: 'float32' })]).toString());
// scalar input
log(gradcheck((x) => x.mul(x), [scalar(3)]).toString());
