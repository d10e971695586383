// examples/guides/modules/save-load.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linear, ReLU, Sequential } from '@tapegrad/nn';
import { load, save } from '@tapegrad/nn/node';
import { manualSeed, randn } from '@tapegrad/tensor';

manualSeed(0);
const build = (): Sequential => new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
const model = build();
const folder = await mkdtemp(join(tmpdir(), 'modules-guide-'));
const file = join(folder, 'mlp.safetensors');

await save(model, file); // the state dict, in the safetensors format
const copy = build(); //    other random weights…
await load(copy, file); //  …replaced by the saved ones (loadStateDict from the file)
await rm(folder, { recursive: true });

const x = randn([4, 784]);
console.log(`same outputs: ${copy.forward(x).eq(model.forward(x)).sum().item() === 4 * 10}`);
