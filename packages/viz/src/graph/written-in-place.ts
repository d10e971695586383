/**
 * Which tensors of a graph were written in place after an op used them. A drawing shows each
 * tensor's values as they are now, so such a tensor shows numbers the graph was not computed
 * from (a weight an optimizer stepped after the forward pass); its node says so.
 * @module
 */
import type { TapeNode, Tensor } from '@tapegrad/tensor';

/**
 * The tensors of `nodes` whose version moved on since it was recorded. The tape keeps a
 * version for every op's output and for the inputs an op saves for its backward (mul's, not
 * add's), so a write to an input only an add read goes unseen.
 */
export function writtenSinceRecorded(nodes: readonly TapeNode[]): Set<Tensor> {
  const written = new Set<Tensor>();
  for (const node of nodes) {
    const inputs = node.inputs!;
    node.inputVersions.forEach((recorded, i) => {
      if (recorded >= 0 && inputs[i].versionValue !== recorded) written.add(inputs[i]);
    });
    if (node.output.versionValue !== node.outputVersion) written.add(node.output);
  }
  return written;
}
