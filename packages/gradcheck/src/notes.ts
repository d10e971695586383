/**
 * The caveats a gradcheck report states in words: why an input was judged with float32
 * tolerances, when rounding makes the numerical side unreliable, and what a wrong total at a tie
 * means. `gradcheck.ts` decides; this file explains.
 * @module
 */
import type { Dtype, Tensor } from '@tapegrad/tensor';
import { formatNumber } from './format-number.js';
import { inputName } from './format-report.js';
import { formatIndex, unravelIndex } from './multi-index.js';
import type { Tolerance } from './tolerance.js';

/** The numerical gradient of `input` may be off by `noise` from rounding alone. */
export function noiseNote(position: number, input: Tensor, noise: number, scale: number, eps: number): string {
  return (
    `the numerical gradient of ${inputName({ index: position, label: input.label })} may be off by up to about ${formatNumber(noise)} from rounding alone: ` +
    `|f| ≈ ${formatNumber(scale)} is large, and its rounding error is divided by 2·eps = ${formatNumber(2 * eps)}; ` +
    `subtract a constant from f, scale it down, or pass a larger eps`
  );
}

/** `input`'s analytic gradient ran in float32, so it was judged with `used` rather than `asked`. */
export function float32Note(position: number, input: Tensor, outputDtype: Dtype, used: Tolerance, asked: Tolerance): string {
  const why = input.dtype === 'float32' ? 'is float32' : `is float64 but f returns ${outputDtype}`;
  const judged = `atol ${formatNumber(used.atol)}, rtol ${formatNumber(used.rtol)}`;
  const widened = used.atol !== asked.atol || used.rtol !== asked.rtol;
  return (
    `${inputName({ index: position, label: input.label })} ${why}: its analytic gradient was computed in float32 and compared with the ` +
    `numerical gradient at ${judged}` +
    (widened
      ? ` instead of atol ${formatNumber(asked.atol)}, rtol ${formatNumber(asked.rtol)}, since float32 rounding (about 6e-8 relative per op) ` +
        `would fail correct code; check in float64 for a tight test`
      : '')
  );
}

/** f computes in float32 even on float64 inputs, so the numerical side is float32 too. */
export function float32InsideNote(eps: number, raised: boolean): string {
  return (
    `f returns float32 even for float64 inputs, so its numerical gradient is computed in float32 too: ` +
    `eps ${formatNumber(eps)}${raised ? ' (raised from 1e-6)' : ''} and float32 tolerances were used; ` +
    `make f compute in float64 for a tight check`
  );
}

/** The entries `flats` share one corner (a tie) and their analytic values add up to the wrong total. */
export function tieNote(position: number, input: Tensor, flats: readonly number[], total: number, slope: number): string {
  return (
    `${inputName({ index: position, label: input.label })}: entries ${flats.map((flat) => formatIndex(unravelIndex(flat, input.shape))).join(', ')} ` +
    `sit at one kink (a tie): each analytic value lies between its own one-sided slopes, but they add up to ` +
    `${formatNumber(total)} where moving them together has slope ${formatNumber(slope)} — ` +
    `the backward rule hands out the wrong total at the tie`
  );
}
