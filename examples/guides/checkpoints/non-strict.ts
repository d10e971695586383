// examples/guides/checkpoints/non-strict.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dropout, Linear, ReLU, Sequential } from '@tapegrad/nn';
import { save, load } from '@tapegrad/nn/node';

const path = join(mkdtempSync(join(tmpdir(), 'tapegrad-')), 'pretrained.safetensors');
await save(new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 10)), path);

// The same body (child 0), a new head for 5 classes under another name (child 3):
const model = new Sequential(new Linear(4, 8), new ReLU(), new Dropout(0.1), new Linear(8, 5));
const { missingKeys, unexpectedKeys } = await load(model, path, { strict: false });
console.log('missing (left as they were):', missingKeys.join(', '));
console.log('unexpected (ignored):', unexpectedKeys.join(', '));
