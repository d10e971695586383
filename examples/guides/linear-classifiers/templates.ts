// examples/guides/linear-classifiers/templates.ts
import { loadMnist } from '@tapegrad/data/node';
import { LinearClassifier } from '@tapegrad/classifiers';

const { train } = loadMnist({ seed: 0 });
const model = new LinearClassifier({ loss: 'softmax', epochs: 5 });
model.fit(train.x, train.y);

// Each column of W, reshaped to 28 × 28, is one class's template.
const templates = model.templates(28, 28); // [10, 28, 28]
console.log(`templates [${templates.shape}]`);

// The templates of 0 and 1 in 14 × 14 blocks of 2 × 2 pixels:
// '#' raises the class's score (ink expected there), '-' lowers it (ink is evidence against).
for (const digit of [0, 1]) {
  const blocks = templates.slice([digit], [digit + 1]).reshape([14, 2, 14, 2]).mean([1, 3]); // [14, 14]
  const scale = blocks.abs().max().item();
  console.log(`template of ${digit}:`);
  for (const row of blocks.toArray() as number[][]) {
    console.log(`  |${row.map((w) => (w > scale / 5 ? '##' : w < -scale / 5 ? '--' : '  ')).join('')}|`);
  }
}
