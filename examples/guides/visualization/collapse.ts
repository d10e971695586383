// examples/guides/visualization/collapse.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tape } from '@tapegrad/tensor';
import { spiral } from '@tapegrad/data';
import { TwoLayerNet } from '@tapegrad/classifiers';
import { renderSvg, toDot } from '@tapegrad/viz';

// The course's two-layer net on a batch of 300 spiral points, with its regularised loss.
const { x, y } = spiral({ pointsPerClass: 100, classes: 3, seed: 0 });
const net = new TwoLayerNet(2, 100, 3, { std: 0.1 });
for (const [name, parameter] of net.namedParameters()) parameter.label = name; // names in the drawing
const loss = net.loss(x, y, { reg: 1e-3 });
console.log(tape(loss).toString());

// Tensors of 30,000 values cannot be written out, so the drawing collapses ('auto'): one box per
// op with its output's shape. toDot gives the DOT text, renderSvg lays it out.
const svg = await renderSvg(toDot(loss, { rankdir: 'TB' }));

// `--out docs/images` writes the picture this guide shows; without it nothing is written.
const out = process.argv[2] === '--out' ? process.argv[3] : undefined;
if (out !== undefined) {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'two-layer-net.svg'), svg);
}
