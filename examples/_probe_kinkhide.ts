import { tensor, defineOp, anyTensorArb } from '@tapegrad/tensor';
import { gradcheck } from '@tapegrad/gradcheck';
const badMax = defineOp({
  name: 'badMax',
  forward: ([x]) => ({ buffer: Float64Array.of(Math.max(...x.buffer)), shape: [] }),
  backward: (g, [x], { out }) => [x.eq(out).astype('float64').mul(g)],   // bug: every tied entry gets the full gradient
  sample: (fc) => anyTensorArb(fc, { maxSize: 4 }).map((x) => ({ inputs: [x], attrs: undefined })),
});
const x = tensor([2, 2, 2, 1], { requiresGrad: true, label: 'x' });
badMax.apply([x]).backward();
console.log('analytic grad', x.grad!.toString(), 'sum', x.grad!.sum().item(), '(true directional derivative along ones: 1)');
const r = gradcheck((x) => badMax.apply([x]), [tensor([2, 2, 2, 1], { label: 'x' })]);
console.log(r.ok, r.toString());
// also: badRelu backward returning 1 at 0 for relu... valid (subgradient). Check abs' backward returning 2 at 0?
const badAbs = defineOp({
  name: 'badAbs',
  forward: ([x]) => ({ buffer: x.buffer.map(Math.abs), shape: x.shape }),
  backward: (g, [x]) => [g.mul(x.ge(0).astype('float64').mul(2).sub(1))],
  sample: (fc) => anyTensorArb(fc, { maxSize: 4 }).map((x) => ({ inputs: [x], attrs: undefined })),
});
console.log(gradcheck((x) => badAbs.apply([x]).sum(), [tensor([0, 1])]).toString());
