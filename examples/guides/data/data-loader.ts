// examples/guides/data/data-loader.ts
import { DataLoader } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';

const { train } = loadMnist({ seed: 0, dtype: 'float32' });
const loader = new DataLoader(train, { batchSize: 64, shuffle: true, seed: 0, dropLast: false });
console.log(`${loader.length} batches per epoch`); // ⌈8000 / 64⌉
for (let epoch = 0; epoch < 2; epoch++) {
  let rows = 0;
  for (const { x, y } of loader) {
    // x [64, 784] (the last batch of an epoch may be smaller), y int32 [64]
    if (rows === 0) console.log(`epoch ${epoch}: x ${JSON.stringify(x.shape)}, y ${y.dtype} ${JSON.stringify(y.shape)}, labels ${y.buffer.slice(0, 8).join(' ')} …`);
    rows += x.shape[0];
  }
  console.log(`epoch ${epoch}: ${rows} rows`);
}
