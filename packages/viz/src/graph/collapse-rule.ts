/**
 * When a drawing collapses to one node per op.
 * @module
 */
import type { TapeEntry } from '@tapegrad/tensor';
import type { ResolvedOptions } from './options.js';

/**
 * More tensors than this and a full drawing stops being readable: each tensor is a record and
 * each op a node of its own, so 40 tensors already make a drawing of about 75 nodes.
 */
export const MAX_TENSORS_DRAWN_IN_FULL = 40;

/**
 * Whether to draw one node per op with shapes only. `'auto'` collapses a graph of more than
 * `MAX_TENSORS_DRAWN_IN_FULL` tensors, or one holding a tensor with more than `maxValues`
 * elements: that tensor's record could show only its shape, which the collapsed op node shows
 * too, in half the nodes (an MLP on a batch).
 */
export function shouldCollapse(entries: readonly TapeEntry[], options: ResolvedOptions): boolean {
  if (options.collapse !== 'auto') return options.collapse;
  return entries.length > MAX_TENSORS_DRAWN_IN_FULL || entries.some((entry) => entry.tensor.size > options.maxValues);
}
