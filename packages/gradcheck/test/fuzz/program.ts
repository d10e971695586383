/**
 * A fuzzed program: leaves, then a flat list of steps over a growing pool of values (`%0`, `%1`,
 * …), each step one op applied to earlier values. A step whose `error` is set is a deliberate
 * misuse that must fail with a documented error and produces no value. The program prints as a
 * listing, one line per step, so a failing counterexample can be read (and replayed by hand).
 */
import { formatShape, type Tensor } from '@tapegrad/tensor';

/** A leaf: a float64 tensor the program is differentiated with respect to. */
export interface Leaf {
  readonly label: string;
  readonly shape: readonly number[];
  readonly values: Float64Array;
}

/** Why a step is in the program: drawn from the registry, or helping a drawn op fit. */
export type StepRole =
  | 'draw' // the op drawn for this position of the program
  | 'adapt' // a shape change so a drawn op's operands fit (reshape, slice, pad, sum …)
  | 'guard' // moves a value into an op's domain (positive for log, away from 0 for div …)
  | 'squash' // brings a large value back into range
  | 'misuse' // a deliberately invalid call
  | 'output'; // the final projection to a scalar

/** What a misuse must throw: an Error whose message starts with `op` and names each of `mentions`. */
export interface ExpectedError {
  readonly op: string;
  readonly mentions: readonly string[];
}

/** One op application. */
export interface Step {
  /** Which recipe runs it: a registry op name, or `project` for the output. */
  readonly op: string;
  /** The values it reads, by id. */
  readonly args: readonly number[];
  /** Its non-tensor arguments, as the recipe's `run` reads them. */
  readonly attrs: object;
  /** Constant tensors it reads (int32 indices, masks, projection weights): never differentiated. */
  readonly consts: readonly Tensor[];
  readonly role: StepRole;
  /** The id of the value it produces; -1 for a misuse. */
  readonly out: number;
  /** The shape it produces (empty for a misuse). */
  readonly shape: readonly number[];
  /** What it computed when the program was built (in `noGrad`): a recorded run must agree exactly. */
  readonly values: Float64Array | null;
  /** Set on a misuse: the error it must throw. */
  readonly error?: ExpectedError;
}

/** Why building stopped early: an op threw on a valid call, produced NaN, or the builder itself failed. */
export interface BuildFailure {
  /** Index of the step that failed, or -1 when the builder failed between steps. */
  readonly step: number;
  readonly message: string;
}

/** A whole program. */
export class Program {
  constructor(
    readonly leaves: readonly Leaf[],
    readonly steps: readonly Step[],
    /** The id of the scalar output. */
    readonly output: number,
    /** How many ops were drawn from the registry (steps with role `draw` or `misuse`). */
    readonly draws: number,
    readonly failure: BuildFailure | null = null,
  ) {}

  /** Step `index` as a call: `mul %1 %2` or `sum %3 {axis=[0,0]}`. */
  call(index: number): string {
    const step = this.steps[index];
    return [step.op, ...step.args.map((id) => `%${id}`), ...step.consts.map(formatConst)].join(' ') + formatAttrs(step.attrs);
  }

  /** Step `index` as the listing shows it, for messages: `%3 = mul %1 %2`, or `!! sum %3 {axis=[0,0]}` for a misuse. */
  name(index: number): string {
    const step = this.steps[index];
    return step.error ? `!! ${this.call(index)}` : `%${step.out} = ${this.call(index)}`;
  }

  /** The listing: `%3 = mul %1 %2  [2,3]`, a note on steps that are not draws, `!!` before a misuse. */
  toString(): string {
    const lines = this.leaves.map((leaf, i) => `%${i} = leaf (${leaf.label})  ${formatShape(leaf.shape)}  ${formatValues(leaf.values)}`);
    this.steps.forEach((step, i) => {
      if (step.error) {
        const naming = step.error.mentions.length > 0 ? ` naming ${step.error.mentions.join(', ')}` : '';
        lines.push(`${this.name(i)}  must throw "${step.error.op}: …"${naming}`);
      } else {
        const note = step.role === 'draw' ? '' : `  · ${step.role}`;
        lines.push(`${this.name(i)}  ${formatShape(step.shape)}${note}`);
      }
    });
    if (this.failure) {
      const at = this.failure.step >= 0 ? ` at ${this.name(this.failure.step)}` : '';
      lines.push(`(building stopped${at}: ${this.failure.message})`);
    }
    lines.push(`output %${this.output}`);
    return lines.join('\n');
  }
}

function formatValues(values: ArrayLike<number>): string {
  const shown = Array.from(values).slice(0, 24).map((v) => String(Math.round(v * 1e6) / 1e6));
  return `[${shown.join(', ')}${values.length > 24 ? ', …' : ''}]`;
}

function formatConst(x: Tensor): string {
  return `${x.dtype}${formatShape(x.shape)}${formatValues(x.buffer)}`;
}

/** `{axis=1, keepdims=true}`, leaving out unset entries. */
export function formatAttrs(attrs: object): string {
  const parts = Object.entries(attrs)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value)}`);
  return parts.length > 0 ? ` {${parts.join(', ')}}` : '';
}
