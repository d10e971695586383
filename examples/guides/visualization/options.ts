// examples/guides/visualization/options.ts
import { tensor } from '@tapegrad/tensor';
import { toMermaid, type DotOptions } from '@tapegrad/viz';

const x = tensor(-2, { requiresGrad: true, label: 'x' });
const y = tensor(5, { requiresGrad: true, label: 'y' });
const z = tensor(-4, { requiresGrad: true, label: 'z' });
const q = x.add(y);
q.label = 'q';
const f = q.mul(z);
f.label = 'f';
f.backward({ retainGraph: true });

// What x's box says under each option: its line of the Mermaid text.
const drawings: [string, DotOptions][] = [
  ['default', {}],
  ['showData: false', { showData: false }],
  ['showGrad: false', { showGrad: false }],
  ['grads: x → 10', { grads: new Map([[x, tensor(10)]]) }],
  ['known: y, z', { known: new Set([y, z]) }],
  ['collapse: true', { collapse: true }],
];
for (const [name, options] of drawings) {
  const line = toMermaid(f, options).split('\n').find((text) => text.startsWith('  t0'));
  console.log(`${name.padEnd(16)} ${line?.trim() ?? '(no box for x)'}`);
}
