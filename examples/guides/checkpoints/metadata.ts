// examples/guides/checkpoints/metadata.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linear } from '@tapegrad/nn';
import { save, load } from '@tapegrad/nn/node';

const model = new Linear(4, 3);
const path = join(mkdtempSync(join(tmpdir(), 'tapegrad-')), 'mlp.safetensors');
await save(model, path, { metadata: { epoch: '12', commit: 'a1b2c3d' } });
const { metadata } = await load(model, path);
console.log(JSON.stringify(metadata));
