/**
 * How the losses name a tensor in an error: its shape, and its label when it has one.
 * @module
 */
import { formatShape, type Tensor } from '@tapegrad/tensor';

/** `[4,1]`, or `[4,1] (y)` for a tensor labelled `y`. */
export function describeTensor(x: Tensor): string {
  return `${formatShape(x.shape)}${x.label ? ` (${x.label})` : ''}`;
}
