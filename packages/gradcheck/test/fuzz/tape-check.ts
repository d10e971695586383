/**
 * Check (c): `tape(y)` lists exactly the primitives that ran for y — the recorder's log of the
 * recorded calls, in the same order, each node the same op on the same input tensors producing
 * the same storage — and the listing is a well-formed graph: no node twice, recording order,
 * every input either an earlier node's output, one of the program's leaves or a constant, every
 * leaf present, and one printed line per entry.
 */
import { type Tensor, type TapeListing, type TapeNode, tape } from '@tapegrad/tensor';
import type { LoggedCall } from './recorder.js';

function sameInputs(a: readonly Tensor[] | null, b: readonly Tensor[]): boolean {
  return a !== null && a.length === b.length && a.every((x, i) => x === b[i]);
}

function describeCall(name: string, inputs: readonly Tensor[] | null): string {
  return `${name}(${(inputs ?? []).map((x) => `[${x.shape.join(',')}]`).join(', ')})`;
}

export function tapeProblems(y: Tensor, leaves: readonly Tensor[], expected: readonly LoggedCall[]): string[] {
  let listing: TapeListing;
  try {
    listing = tape(y);
  } catch (error) {
    return [`tape(y) threw: ${error instanceof Error ? error.message : String(error)}`];
  }
  const problems: string[] = [];
  const nodes = listing.nodes;
  if (nodes.length !== expected.length) problems.push(`tape(y) lists ${nodes.length} nodes, but ${expected.length} recorded primitive calls ran`);
  for (let i = 0; i < Math.min(nodes.length, expected.length); i++) {
    const node = nodes[i];
    const call = expected[i];
    if (node.op.name !== call.op || node.output.buffer !== call.buffer || !sameInputs(node.inputs, call.inputs)) {
      problems.push(`tape node ${i} is ${describeCall(node.op.name, node.inputs)}, but recorded call ${i} was ${describeCall(call.op, call.inputs)}`);
      break;
    }
  }

  const position = new Map<TapeNode, number>();
  nodes.forEach((node, i) => {
    if (position.has(node)) problems.push(`tape node ${i} (${node.op.name}) is listed twice`);
    position.set(node, i);
    if (i > 0 && node.seq <= nodes[i - 1].seq) problems.push(`tape node ${i} (${node.op.name}) is out of recording order`);
    if (node.output.node !== node) problems.push(`tape node ${i} (${node.op.name}) is not its output's node`);
  });
  const leafSet = new Set(leaves);
  const seenLeaves = new Set<Tensor>();
  nodes.forEach((node, i) => {
    for (const input of node.inputs ?? []) {
      if (input.node !== null) {
        const at = position.get(input.node);
        if (at === undefined || at >= i) {
          const where = at === undefined ? 'not listed' : `listed later (${at})`;
          problems.push(`tape node ${i} (${node.op.name}) reads the output of ${input.node.op.name}, which is ${where}`);
        }
      } else if (leafSet.has(input)) {
        seenLeaves.add(input);
      } else if (input.requiresGrad) {
        problems.push(`tape node ${i} (${node.op.name}) reads a leaf that requires grad but is none of the program's leaves`);
      }
    }
  });
  for (const leaf of leaves) if (!seenLeaves.has(leaf)) problems.push(`leaf ${leaf.label} is read by the program but not on the tape`);

  const lines = listing.toString().split('\n');
  if (lines.length !== listing.entries.length) problems.push(`tape(y).toString() has ${lines.length} lines for ${listing.entries.length} entries`);
  for (const entry of listing.entries) {
    if (entry.node !== null && !lines[entry.id]?.startsWith(`%${entry.id} = ${entry.node.op.name} `)) {
      problems.push(`tape(y).toString() line ${entry.id} is "${lines[entry.id]}", not the listing of ${entry.node.op.name}`);
      break;
    }
  }
  return problems;
}
