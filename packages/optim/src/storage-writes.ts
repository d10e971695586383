/**
 * The step functions write straight into the typed arrays of the parameter and its state: one
 * fused loop per parameter instead of a chain of tensor ops, each allocating its result. Doing
 * so takes on two duties of the in-place methods, kept here: check that the arrays line up, and
 * bump the version counter so a backward through a graph that saved the old values throws.
 * @module
 */
import { describeTensor, formatShape, sameShape, type Tensor } from '@tapegrad/tensor';

/** Throws unless `x` (a gradient or a state tensor) has `param`'s shape. */
export function checkMatchesParameter(owner: string, name: string, x: Tensor, param: Tensor): void {
  if (!sameShape(x.shape, param.shape)) {
    throw new Error(`${owner}: ${name} has shape ${formatShape(x.shape)} but the parameter ${describeTensor(param)} has shape ${formatShape(param.shape)}`);
  }
}

/** Records an in-place write to `x`'s storage, as `x.add_()` would. */
export function markWritten(x: Tensor): void {
  x.version.value++;
}
