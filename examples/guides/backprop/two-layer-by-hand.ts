// examples/guides/backprop/two-layer-by-hand.ts
import { manualSeed, noGrad, oneHot, randn, tensor, where, zeros } from '@tapegrad/tensor';
import { softmaxCrossEntropy } from '@tapegrad/losses';

// The course's two-layer net on a batch: affine → ReLU → affine → softmax loss, + λ(Σ W1² + Σ W2²).
manualSeed(0);
const [N, D, H, C, reg] = [5, 4, 6, 3, 0.01];
const X = randn([N, D]);
const y = tensor([0, 2, 1, 2, 0], { dtype: 'int32' });
const W1 = randn([D, H], { requiresGrad: true });
const b1 = zeros([H], { requiresGrad: true });
const W2 = randn([H, C], { requiresGrad: true });
const b2 = zeros([C], { requiresGrad: true });

// Forward in stages, keeping what backward will read (h and the scores).
const h = X.matmul(W1).add(b1).relu(); //          [N, H]
const scores = h.matmul(W2).add(b2); //            [N, C]
const loss = softmaxCrossEntropy(scores, y).add(W1.pow(2).sum().add(W2.pow(2).sum()).mul(reg));

// Backward by hand, one matrix formula per stage, from the loss down.
const byHand = noGrad(() => {
  const p = scores.softmax(1);
  const dscores = p.sub(oneHot(y, C)).div(N); //              ∂L/∂scores = (p − onehot(y)) / N   [N, C]
  const dW2 = h.T.matmul(dscores).add(W2.mul(2 * reg)); //    hᵀ·dscores (+ 2λW2)               [H, N]·[N, C]
  const db2 = dscores.sum(0); //                              Σ over the rows                   [C]
  const dhRelu = dscores.matmul(W2.T); //                     dscores·W2ᵀ                       [N, C]·[C, H]
  const dh = where(h.gt(0), dhRelu, 0); //                    ReLU: dh[h ≤ 0] = 0               [N, H]
  const dW1 = X.T.matmul(dh).add(W1.mul(2 * reg)); //         Xᵀ·dh (+ 2λW1)                    [D, N]·[N, H]
  const db1 = dh.sum(0); //                                   Σ over the rows                   [H]
  return { dscores, dh, W1: dW1, b1: db1, W2: dW2, b2: db2 };
});
const blocked = h.le(0).sum().item();
console.log(`loss ${loss.item().toFixed(4)}; X [${X.shape}], h [${h.shape}] (${blocked} of ${N * H} ReLUs at 0), scores [${scores.shape}]`);
console.log(`dscores [${byHand.dscores.shape}], dh [${byHand.dh.shape}]`);

// Autograd's gradients of the same loss.
loss.backward();
const params = { W1, b1, W2, b2 };
for (const name of ['W1', 'b1', 'W2', 'b2'] as const) {
  const difference = byHand[name].sub(params[name].grad!).abs().max().item();
  console.log(`d${name} [${byHand[name].shape}], ${name} [${params[name].shape}]: max |by hand − autograd| < 1e-12: ${difference < 1e-12}`);
}
