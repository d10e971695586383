// examples/guides/backprop/frames.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tensor } from '@tapegrad/tensor';
import { backwardFrameCaptions, explainBackward, renderBackwardFrames } from '@tapegrad/viz';

const x = tensor(-2, { requiresGrad: true, label: 'x' });
const y = tensor(5, { requiresGrad: true, label: 'y' });
const z = tensor(-4, { requiresGrad: true, label: 'z' });
const q = x.add(y);
q.label = 'q';
const f = q.mul(z);
f.label = 'f';

// One SVG per frame: the seed ∂f/∂f = 1, then one per step with that step's op highlighted and
// every gradient known so far written on its tensor ("grad ?": not reached yet).
const explanation = explainBackward(f);
const frames = await renderBackwardFrames(explanation);
const captions = backwardFrameCaptions(explanation); // also written at the top of each frame
frames.forEach((_, i) => console.log(`circuit-step-${i}.svg: ${captions[i].split('\n')[0]}`));

// `--out docs/images` writes the frames this guide shows; without it nothing is written.
const out = process.argv[2] === '--out' ? process.argv[3] : undefined;
if (out !== undefined) {
  await mkdir(out, { recursive: true });
  for (const [i, svg] of frames.entries()) await writeFile(join(out, `circuit-step-${i}.svg`), svg);
}
