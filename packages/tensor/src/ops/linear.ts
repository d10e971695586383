/**
 * `linear(x, w, b?)`: the affine map of a fully connected layer, `x·Wᵀ + b`, as PyTorch's
 * `F.linear`. It reads W through the matmul primitive's `transB` flag, so neither the forward
 * nor the backward copies a transpose (`x.matmul(w.T)` would: `.T` is a permute).
 * @module
 */
import { defineComposite, type FastCheckModule } from '../op.js';
import { describeTensor } from '../format.js';
import { sizeOf } from '../shape.js';
import { shapeArb, tensorArb } from '../sampling.js';
import type { Tensor } from '../tensor.js';
import { matmulOp } from './matmul.js';
import { binaryOperands } from './operands.js';

/**
 * `x·Wᵀ + b` over the last axis of `x`: `x [..., in]`, `w [out, in]`, `b [out]` (optional) give
 * `[..., out]`, with PyTorch's layout for `w`. Leading axes fold into rows, so the weight's
 * gradient is one product rather than a batch of products summed afterwards.
 *
 * ```ts
 * linear(randn([64, 784]), randn([256, 784]), zeros([256])).shape; // [64, 256]
 * ```
 */
export function linear(x: Tensor, w: Tensor, b?: Tensor | null): Tensor {
  const [input, weight] = binaryOperands('linear', x, w);
  const inFeatures = input.ndim === 0 ? 0 : input.shape[input.ndim - 1];
  if (weight.ndim !== 2 || input.ndim === 0 || weight.shape[1] !== inFeatures) {
    throw new Error(
      `linear: x's last axis must match w's second axis (w is [outFeatures, inFeatures]): x ${describeTensor(x)}, w ${describeTensor(w)}` +
        (weight.ndim === 2 && weight.shape[0] === inFeatures ? '; w looks transposed, pass w.T or build it as [out, in]' : ''),
    );
  }
  const outFeatures = weight.shape[0];
  if (b != null && (b.ndim !== 1 || b.shape[0] !== outFeatures)) {
    throw new Error(`linear: bias must be [${outFeatures}] (one entry per output feature), got b ${describeTensor(b)} with w ${describeTensor(w)}`);
  }
  // The row count from the leading extents, not size / inFeatures, which is 0/0 for [..., 0].
  const rows = input.ndim === 2 ? input : input.reshape([sizeOf(input.shape.slice(0, -1)), inFeatures]);
  const product = matmulOp.apply([rows, weight], { transA: false, transB: true });
  const out = b == null ? product : product.add(b);
  return input.ndim === 2 ? out : out.reshape([...input.shape.slice(0, -1), outFeatures]);
}

defineComposite<{ bias: boolean }>({
  name: 'linear',
  call: ([x, w, b], { bias }) => linear(x, w, bias ? b : null),
  sample: (fc: FastCheckModule) =>
    fc
      .tuple(shapeArb(fc, { minRank: 1, maxRank: 3, maxSize: 12 }), fc.integer({ min: 1, max: 4 }), fc.boolean())
      .chain(([shape, outFeatures, bias]) => {
        const inFeatures = shape[shape.length - 1];
        return fc
          .tuple(tensorArb(fc, shape), tensorArb(fc, [outFeatures, inFeatures]), tensorArb(fc, [outFeatures]))
          .map(([x, w, b]) => ({ inputs: bias ? [x, w, b] : [x, w], attrs: { bias } }));
      }),
});
