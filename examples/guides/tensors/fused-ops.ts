// examples/guides/tensors/fused-ops.ts
import { conv2d, maxPool2d, linear, softmaxCrossEntropy, manualSeed, randn, tensor, zeros } from '@tapegrad/tensor';

manualSeed(0);
const x = randn([8, 1, 28, 28], { requiresGrad: true });   // 8 one-channel images, NCHW
const w = randn([16, 1, 3, 3], { requiresGrad: true });    // 16 filters of 3×3
const b = zeros([16], { requiresGrad: true });
const h = conv2d(x, w, b, { padding: 1 }).relu();          // [8, 16, 28, 28]
const p = maxPool2d(h, 2);                                 // [8, 16, 14, 14]
const W = randn([10, 16 * 14 * 14], { requiresGrad: true });
const logits = linear(p.flatten(1), W);                    // x·Wᵀ: [8, 10]
const labels = tensor([3, 0, 9, 1, 4, 4, 7, 2], { dtype: 'int32' });
const losses = softmaxCrossEntropy(logits, labels);        // one loss per row: [8]
losses.mean().backward();                                  // fills x.grad, w.grad, b.grad, W.grad
const shape = (t: { shape: readonly number[] }): string => JSON.stringify(t.shape);
console.log('h', shape(h), 'p', shape(p), 'logits', shape(logits), 'losses', shape(losses));
console.log('grads', [x, w, b, W].map((t) => shape(t.grad!)).join(' '));
