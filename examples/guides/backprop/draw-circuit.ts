// examples/guides/backprop/draw-circuit.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tensor } from '@tapegrad/tensor';
import { renderSvg } from '@tapegrad/viz';

const x = tensor(-2, { requiresGrad: true, label: 'x' });
const y = tensor(5, { requiresGrad: true, label: 'y' });
const z = tensor(-4, { requiresGrad: true, label: 'z' });
const q = x.add(y).retainGrad(); // keep q's and f's gradients too (only leaves keep theirs by default)
q.label = 'q';
const f = q.mul(z).retainGrad();
f.label = 'f';
f.backward({ retainGraph: true }); // keep the graph: it is drawn after backward, with the gradients

// A box per tensor (blue: inputs that require grad) with its value and gradient, an oval per op.
const svg = await renderSvg(f);

// `--out docs/images` writes the picture this guide shows; without it nothing is written.
const out = process.argv[2] === '--out' ? process.argv[3] : undefined;
if (out !== undefined) {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'circuit.svg'), svg);
  console.log(`wrote ${join(out, 'circuit.svg')}`);
}
