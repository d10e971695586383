/**
 * A sentence for when a value or gradient is not a finite number. The drawing then shows `nan`
 * or `inf`, which a learner meeting them for the first time cannot read on their own.
 */
import type { Tensor } from '@tapegrad/tensor';

/** The panel's note on `x`'s nan or inf elements, or null when every element is finite. */
export function nonFiniteNote(x: Tensor, what: 'value' | 'gradient'): string | null {
  const values = Array.from(x.buffer, Number);
  if (values.some(Number.isNaN)) {
    return what === 'value'
      ? 'nan means "not a number": the op has no real result here (log or sqrt of a negative number, 0/0, ' +
          'a negative number to a fractional power), and everything computed from it is nan too'
      : 'nan in a gradient: the local derivative is undefined here, or an inf met a 0 on the way back';
  }
  if (values.some((v) => !Number.isFinite(v))) {
    return what === 'value'
      ? 'inf: the result is too large for a float64 (such as exp(1000)) or a division by zero'
      : 'inf in a gradient: the local derivative is infinite here (1/x at 0, the slope of √x at 0)';
  }
  return null;
}
