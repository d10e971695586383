// examples/guides/visualization/digits-png.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { takeRows } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';
import { imageGridPng } from '@tapegrad/viz';

// The first two test images of each digit: rows of 784 grey values in [0, 1].
const { test } = loadMnist({ seed: 0 });
const labels = Array.from(test.y.data());
const rows = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((digit) => {
  const first = labels.indexOf(digit);
  return [first, labels.indexOf(digit, first + 1)];
});
const digits = takeRows(test.x, rows); // [20, 784]

// One PNG, no text: a grid of pixels. Fixed scaling [0, 1] keeps the pixel values' meaning.
const png = imageGridPng(digits, { imageShape: [28, 28], columns: 10, scaling: [0, 1], pixelSize: 2 });
console.log(`${digits.shape[0]} digits → PNG of ${png.length} bytes`);

// `--out docs/images` writes the picture this guide shows; without it nothing is written.
const out = process.argv[2] === '--out' ? process.argv[3] : undefined;
if (out !== undefined) {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'mnist-digits.png'), png);
}
