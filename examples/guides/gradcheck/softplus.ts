// examples/guides/gradcheck/softplus.ts
import { defineOp, anyTensorArb } from '@tapegrad/tensor';

/** softplus(x) = log(1 + eˣ), written so that eˣ never overflows; its derivative is sigmoid(x). */
export const softplus = defineOp({
  name: 'mySoftplus',
  forward: ([x]) => ({ buffer: x.buffer.map((v) => (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v)))), shape: x.shape }),
  backward: (g, [x]) => [g.mul(x.sigmoid())],
  sample: (fc) => anyTensorArb(fc, { maxSize: 16 }).map((x) => ({ inputs: [x], attrs: undefined })),
});
