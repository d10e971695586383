// examples/guides/checkpoints/format.ts
import { Linear, Sequential, toBytes } from '@tapegrad/nn';

const bytes = toBytes(new Sequential(new Linear(784, 256)), { metadata: { epoch: '12' } });
const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const headerLength = Number(view.getBigUint64(0, true)); // 8 bytes, little-endian
const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
console.log(`header: ${headerLength} bytes; data: ${bytes.length - 8 - headerLength} bytes`);
for (const [name, entry] of Object.entries(header)) console.log(`${JSON.stringify(name)}: ${JSON.stringify(entry)}`);
