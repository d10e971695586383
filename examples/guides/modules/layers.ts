// examples/guides/modules/layers.ts
import { BatchNorm1d, Conv2d, Embedding, Flatten, Linear, MaxPool2d, Unflatten } from '@tapegrad/nn';
import { manualSeed, randn, tensor } from '@tapegrad/tensor';

manualSeed(0);
const images = randn([2, 1, 28, 28]);
const conv = new Conv2d(1, 8, 3, { padding: 1 });
console.log(`Conv2d weight [${conv.weight.shape}]: [${images.shape}] → [${conv.forward(images).shape}]`);
console.log(`MaxPool2d(2): → [${new MaxPool2d(2).forward(conv.forward(images)).shape}]`);
console.log(`Flatten: [${images.shape}] → [${new Flatten().forward(images).shape}]`);
console.log(`Unflatten(1, [1, 28, 28]): [2,784] → [${new Unflatten(1, [1, 28, 28]).forward(randn([2, 784])).shape}]`);
console.log(`Embedding(100, 16): int32 [2,5] → [${new Embedding(100, 16).forward(tensor([[1, 2, 3, 4, 5], [6, 7, 8, 9, 0]], { dtype: 'int32' })).shape}]`);

// BatchNorm: batch statistics in training mode (and running averages updated), running ones in eval mode.
const norm = new BatchNorm1d(3);
const batch = randn([16, 3]).mul(5).add(2);
const normalised = norm.forward(batch);
console.log(`BatchNorm1d, training: batch mean ${normalised.mean(0).abs().max().item() < 1e-12 ? '0' : 'not 0'}, running mean ${norm.getBuffer('runningMean').toString()}`);

// A wrong input names the layer, what it expected and what it got.
try {
  new Linear(784, 256).forward(randn([64, 100]));
} catch (error) {
  console.log((error as Error).message);
}
