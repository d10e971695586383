/**
 * The check that a graph can still be drawn: backward without `retainGraph` frees what it walked.
 * @module
 */
import { describeTensor, type Tensor } from '@tapegrad/tensor';

/**
 * Throws an error naming `caller` when part of the graph behind `y` was freed by a backward
 * pass. Checked here rather than left to `tape(y)` so the message names the drawing function
 * and its fix, not `tape`. Iterative: graphs can be deeper than the call stack.
 */
export function checkGraphNotFreed(caller: string, y: Tensor): void {
  const seen = new Set<object>();
  const pending = y.node === null ? [] : [y.node];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.inputs === null) {
      throw new Error(
        `${caller}: cannot draw the graph of ${describeTensor(y)}: the part through ${node.op.name} ` +
          `(output ${describeTensor(node.output)}) was freed by backward. Draw it before calling backward, ` +
          `or keep the graph with y.backward({ retainGraph: true }).`,
      );
    }
    for (const input of node.inputs) if (input.node !== null) pending.push(input.node);
  }
}
