/**
 * What drawings and the walk-through call a tensor.
 * @module
 */
import type { TapeEntry } from '@tapegrad/tensor';

/**
 * The tensor's label, or `%n` as the `tape(y)` listing numbers it, so a drawing, a walk-through
 * and the listing name every tensor alike. An empty label counts as none, as in the listing.
 */
export function tensorName(entry: TapeEntry): string {
  return entry.tensor.label || `%${entry.id}`;
}
