// examples/guides/checkpoints/save-load.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linear, ReLU, Sequential } from '@tapegrad/nn';
import { save, load } from '@tapegrad/nn/node';
import { manualSeed } from '@tapegrad/tensor';

const mlp = () => new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
const path = join(mkdtempSync(join(tmpdir(), 'tapegrad-')), 'mlp.safetensors');

manualSeed(0);
const model = mlp();
await save(model, path);
// … later, or in another process: build the same architecture, then
const restored = mlp();
await load(restored, path);
const saved = model.stateDict();
for (const [name, tensor] of Object.entries(restored.stateDict())) {
  console.log(name, JSON.stringify(tensor.shape), tensor.buffer.every((v, i) => v === saved[name].buffer[i]) ? 'restored' : 'DIFFERENT');
}
