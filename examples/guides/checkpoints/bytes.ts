// examples/guides/checkpoints/bytes.ts
import { Linear, fromBytes, toBytes } from '@tapegrad/nn';
import { manualSeed } from '@tapegrad/tensor';

manualSeed(0);
const model = new Linear(4, 3);
const bytes = toBytes(model, { metadata: { note: 'trained in the browser' } }); // a Uint8Array
console.log(bytes.length, 'bytes');
// In a browser, offer them as a download: URL.createObjectURL(new Blob([bytes]))

// and back, e.g. from fromBytes(await (await fetch('/mlp.safetensors')).arrayBuffer()):
const { tensors, metadata } = fromBytes(bytes);
const copy = new Linear(4, 3);
copy.loadStateDict(tensors);
console.log(metadata.note, '|', Object.keys(tensors).join(', '), '|', copy.weight.toString() === model.weight.toString());
