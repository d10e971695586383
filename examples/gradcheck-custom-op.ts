/**
 * Checking a custom op's backward with one call to gradcheck: a softplus defined correctly with
 * `defineOp`, used in a small layer, and LeCun's scaled tanh with a chain-rule factor forgotten in
 * its backward — caught, with the report that says where and by how much.
 *   npx tsx examples/gradcheck-custom-op.ts
 */
import { anyTensorArb, defineOp, manualSeed, randn, type Tensor } from '@tapegrad/tensor';
import { assertGradcheck, gradcheck } from '@tapegrad/gradcheck';

manualSeed(0);

// softplus(x) = log(1 + eˣ), written so that eˣ never overflows; its derivative is sigmoid(x).
const softplus = defineOp({
  name: 'example_softplus',
  forward: ([x]) => ({
    buffer: x.buffer.map((v) => (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v)))),
    shape: x.shape,
  }),
  backward: (g, [x]) => [g.mul(x.sigmoid())],
  // Valid inputs for the registry's property test: any small float64 tensor.
  sample: (fc) => anyTensorArb(fc, { maxSize: 16 }).map((x) => ({ inputs: [x], attrs: undefined })),
});

// A layer built on it: softplus(x·W + b). gradcheck differentiates with respect to all three.
const layer = (x: Tensor, W: Tensor, b: Tensor) => softplus.apply([x.matmul(W).add(b)]);
const x = randn([4, 3], { label: 'x' });
const W = randn([3, 2], { label: 'W' });
const b = randn([2], { label: 'b' });
console.log('softplus layer:', String(assertGradcheck(layer, [x, W, b])));

// LeCun's scaled tanh, 1.7159·tanh(2x/3). Its derivative is 1.7159·(2/3)·(1 − tanh²(2x/3)); this
// backward forgets the inner factor 2/3, the most common slip in a hand-written chain rule.
const scaledTanh = defineOp({
  name: 'example_scaled_tanh_broken',
  forward: ([x]) => ({ buffer: x.buffer.map((v) => 1.7159 * Math.tanh((2 * v) / 3)), shape: x.shape }),
  backward: (g, [x]) => {
    const t = x.mul(2 / 3).tanh();
    return [g.mul(t.mul(t).neg().add(1).mul(1.7159))]; // missing .mul(2 / 3)
  },
  sample: (fc) => anyTensorArb(fc, { maxSize: 16 }).map((x) => ({ inputs: [x], attrs: undefined })),
});

const report = gradcheck((x, W) => scaledTanh.apply([x.matmul(W)]), [x, W]);
console.log(`\nscaled tanh: ok = ${report.ok}, worst rel error ${report.perInput[0].maxRelError.toFixed(4)}`);
try {
  assertGradcheck((x, W) => scaledTanh.apply([x.matmul(W)]), [x, W]);
} catch (error) {
  // What a failing test would print:
  console.log(`\n${(error as Error).message}`);
}
