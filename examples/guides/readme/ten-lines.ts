// examples/guides/readme/ten-lines.ts
import { tensor, randn, manualSeed } from '@tapegrad/tensor';

manualSeed(0);
const x = randn([4, 3]);                                          // a batch of 4 inputs
const W = randn([3, 2], { requiresGrad: true, label: 'W' });      // a weight matrix
const b = tensor([0.1, -0.1], { requiresGrad: true, label: 'b' });
const loss = x.matmul(W).add(b).tanh().pow(2).mean();              // forward: recorded on the tape
loss.backward();                                                   // backward: reverse tape order
console.log(loss.item(), W.grad!.toString(), b.grad!.toString());
