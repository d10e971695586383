// examples/guides/visualization/templates.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadMnist } from '@tapegrad/data/node';
import { LinearClassifier } from '@tapegrad/classifiers';
import { imageGrid } from '@tapegrad/viz';

// The softmax classifier's ten weight templates, one 28 × 28 image per digit.
const { train } = loadMnist({ seed: 0 });
const model = new LinearClassifier({ loss: 'softmax', epochs: 5 });
model.fit(train.x, train.y);
const templates = model.templates(28, 28); // [10, 28, 28]

// Diverging colours for signed weights: red raises the digit's score, blue lowers it, white is 0.
const svg = imageGrid(templates, {
  colours: 'diverging',
  columns: 5,
  labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  title: 'Softmax classifier templates',
});
console.log(`templates [${templates.shape}] → an SVG of ${svg.match(/<image /g)!.length} images`);

// `--out docs/images` writes the picture this guide shows; without it nothing is written.
const out = process.argv[2] === '--out' ? process.argv[3] : undefined;
if (out !== undefined) {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'templates.svg'), svg);
}
