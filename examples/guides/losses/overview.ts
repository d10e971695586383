// examples/guides/losses/overview.ts
import { tensor, randn, manualSeed, oneHot } from '@tapegrad/tensor';
import { softmaxCrossEntropy, l2Penalty } from '@tapegrad/losses';
import { relError } from '@tapegrad/gradcheck';

manualSeed(0);
const X = randn([64, 3072]);                                  // 64 images, flattened
const W = randn([3072, 10]).mul(1e-4).requiresGrad_();        // a linear classifier
const y = tensor(Array.from({ length: 64 }, (_, i) => i % 10), { dtype: 'int32' });

const loss = softmaxCrossEntropy(X.matmul(W), y).add(l2Penalty(W, 1e-3));
loss.backward();
console.log(`loss ${loss.item().toFixed(3)} (ln 10 = 2.303)`);
const byHand = X.T.matmul(X.matmul(W).softmax(1).sub(oneHot(y, 10))).div(64).add(W.mul(2e-3)); // Xᵀ(P − Y)/N + 2λW
console.log(`W.grad ${JSON.stringify(W.grad!.shape)} equals Xᵀ(P − Y)/N + 2λW: ${relError(W.grad!, byHand) < 1e-9}`);
