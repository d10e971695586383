/**
 * Telling a wrong backward rule from a point where the chain rule does not apply. Where an op is
 * evaluated exactly at its kink — a leaf exactly 0 feeding a relu, a tie in minimum, which is
 * where shrinking drives values — backward uses the op's documented subgradient, and the chain
 * rule through subgradients need not give the program's derivative: `min(x, relu(x))` is x, with
 * slope 1 everywhere, yet at x = 0 backward gives ½ (relu'(0) = 0, the tie split evenly). Where
 * several kinks meet, the result can even lie outside both one-sided slopes, so gradcheck cannot
 * report it as a kink. Such a disagreement is confined to that point; a wrong backward rule is
 * wrong on a whole neighbourhood (ties that persist, such as broadcast copies, included), so the
 * check moves the leaves by about 1e-3 and checks again, and only a disagreement that persists
 * fails. The one-sided slopes at the first point are reported either way.
 */
import { noGrad, scalar, type Tensor, tensor, vjp } from '@tapegrad/tensor';
import { evaluate } from './evaluate.js';
import type { Program } from './program.js';
import type { Rng } from './rng.js';

/** An entry where backward and the centered difference disagree. */
export interface Disagreement {
  readonly leaf: string;
  readonly flat: number;
  readonly analytic: number;
  readonly numerical: number;
  readonly left: number;
  readonly right: number;
  /** Whether the one-sided slopes agree: the program is differentiable at this entry. */
  readonly smooth: boolean;
}

const STEP = 1e-6;
const TOLERANCE = { atol: 1e-5, rtol: 1e-3 };

function copy(x: Tensor): Tensor {
  return tensor(Float64Array.from(x.buffer), { shape: x.shape.slice(), label: x.label });
}

/** Every entry of every leaf where backward disagrees with centered differences (gradcheck's tolerance). */
export function disagreements(program: Program, leaves: readonly Tensor[]): Disagreement[] {
  const { grads } = vjp((...xs: Tensor[]) => evaluate(program, xs), leaves.map(copy), scalar(1));
  const args = leaves.map(copy);
  const f = () => noGrad(() => evaluate(program, args).item());
  const base = f();
  const found: Disagreement[] = [];
  args.forEach((arg, i) => {
    const buffer = arg.buffer;
    for (let j = 0; j < buffer.length; j++) {
      const x = buffer[j];
      const at = (h: number) => {
        buffer[j] = x + h;
        const value = f();
        buffer[j] = x;
        return value;
      };
      const plus = at(STEP);
      const minus = at(-STEP);
      const numerical = (plus - minus) / (2 * STEP);
      const analytic = grads[i].buffer[j];
      if (Math.abs(analytic - numerical) <= TOLERANCE.atol + TOLERANCE.rtol * Math.abs(numerical)) continue;
      const left = (base - minus) / STEP;
      const right = (plus - base) / STEP;
      const gap = Math.abs(left - right);
      // At a kink the gap between the slopes stays as the step shrinks; on a smooth function it
      // shrinks with it (it is about step·|f''|).
      const smallGap = Math.abs(at(STEP / 10) - 2 * base + at(-STEP / 10)) / (STEP / 10);
      const kink = gap > 1e-4 + 1e-2 * Math.max(Math.abs(left), Math.abs(right)) && smallGap > 0.5 * gap;
      found.push({ leaf: leaves[i].label ?? `input ${i}`, flat: j, analytic, numerical, left, right, smooth: !kink });
    }
  });
  return found;
}

/** The leaves moved by 1e-3…3e-3 each, off a point where kinks meet. */
export function shifted(leaves: readonly Tensor[], rng: Rng): Tensor[] {
  return leaves.map((x) =>
    tensor(
      Float64Array.from(x.buffer, (v) => v + (rng.chance(0.5) ? -1 : 1) * (1e-3 + 2e-3 * rng.next())),
      { shape: x.shape.slice(), requiresGrad: true, label: x.label },
    ),
  );
}

export function describeDisagreement(d: Disagreement): string {
  const where = `${d.leaf}[flat ${d.flat}]`;
  const verdict = d.smooth ? 'differentiable there' : 'a kink';
  return `${where}: analytic ${d.analytic}, numerical ${d.numerical}, one-sided slopes ${d.left} / ${d.right} (${verdict})`;
}
