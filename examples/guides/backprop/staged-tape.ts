// examples/guides/backprop/staged-tape.ts
import { tape, tensor, type TapeNode } from '@tapegrad/tensor';

// The same f(x, y) = (x + σ(y)) / (σ(x) + (x + y)²), written once; the tape records the stages.
const x = tensor(3, { requiresGrad: true, label: 'x' });
const y = tensor(-4, { requiresGrad: true, label: 'y' });
const f = x.add(y.sigmoid()).div(x.sigmoid().add(x.add(y).pow(2)));

const listing = tape(f);
const ids = new Map(listing.entries.map(({ id, tensor }) => [tensor, `%${id}`]));
/** What a node keeps for backward: its inputs (by default), its output, or nothing. */
function cached(node: TapeNode): string {
  const inputs = node.op.saves?.inputs ?? node.inputs!.map((_, i) => i);
  const kept = inputs.map((i) => ids.get(node.inputs![i])!);
  if (node.op.saves?.output) kept.push('its output');
  return kept.length === 0 ? 'nothing' : kept.join(', ');
}
for (const line of listing.toString().split('\n')) {
  const node = listing.entries.find(({ id }) => line.startsWith(`%${id} `))!.node;
  console.log(node === null ? line : `${line.padEnd(34)} keeps ${cached(node)}`);
}
f.backward();
console.log(`f = ${f.item().toFixed(6)}, ∂f/∂x = ${x.grad!.item().toFixed(6)}, ∂f/∂y = ${y.grad!.item().toFixed(6)}`);
