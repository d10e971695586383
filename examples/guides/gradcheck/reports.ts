// examples/guides/gradcheck/reports.ts
import { anyTensorArb, defineOp, manualSeed, randn } from '@tapegrad/tensor';
import { gradcheck } from '@tapegrad/gradcheck';
import { softplus } from './softplus.js';

manualSeed(0);
const x = randn([4, 3], { label: 'x' });
const W = randn([3, 2], { label: 'W' });
const b = randn([2], { label: 'b' });
console.log(gradcheck((x, W, b) => softplus.apply([x.matmul(W).add(b)]), [x, W, b]).toString());

// LeCun's scaled tanh, 1.7159·tanh(2x/3), whose backward forgets the inner factor 2/3:
const scaledTanh = defineOp({
  name: 'brokenScaledTanh',
  forward: ([x]) => ({ buffer: x.buffer.map((v) => 1.7159 * Math.tanh((2 * v) / 3)), shape: x.shape }),
  backward: (g, [x]) => {
    const t = x.mul(2 / 3).tanh();
    return [g.mul(t.mul(t).neg().add(1).mul(1.7159))]; // missing .mul(2 / 3)
  },
  sample: (fc) => anyTensorArb(fc, { maxSize: 16 }).map((x) => ({ inputs: [x], attrs: undefined })),
});
console.log();
console.log(gradcheck((x) => scaledTanh.apply([x.matmul(W)]), [x]).toString());
