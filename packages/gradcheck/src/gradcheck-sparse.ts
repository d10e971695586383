/**
 * The course's sparse gradient check (CS231n's `grad_check_sparse`): compare a gradient you
 * already computed with centered differences at a few random entries, because a full numerical
 * gradient of a large weight matrix costs two forward passes per entry.
 * @module
 */
import { evaluateAround } from './perturb.js';
import { formatShape, noGrad, sameShape, seededUniform, Tensor, tensor } from '@tapegrad/tensor';
import { formatNumber } from './format-number.js';
import { formatIndex, unravelIndex } from './multi-index.js';
import { checkEps } from './numerical-gradient.js';
import { relError } from './rel-error.js';

/** Options of `gradcheckSparse`. */
export interface SparseCheckOptions {
  /** How many random entries to check (default 10). */
  readonly numChecks?: number;
  /** Step h of the centered difference (default 1e-5, the course's value). */
  readonly eps?: number;
  /** Seed of the entry sampling (default 0), so a rerun checks the same entries. */
  readonly seed?: number;
}

/** One checked entry. */
export interface SparseCheck {
  /** Multi-index of the entry in `x`. */
  readonly index: readonly number[];
  /** Row-major flat position of the entry. */
  readonly flatIndex: number;
  /** The gradient you passed in, at this entry. */
  readonly analytic: number;
  /** `(f(x+h) − f(x−h)) / 2h` at this entry. */
  readonly numerical: number;
  /** The course notes' `relError(analytic, numerical)`. */
  readonly relError: number;
}

/** The checked entries, in sampling order; `String(checks)` prints them one per line. */
export interface SparseCheckReport extends ReadonlyArray<SparseCheck> {
  /** The largest relative error among the checked entries. */
  readonly maxRelError: number;
  /** One line per entry, then the largest relative error against the course's thresholds. */
  toString(): string;
}

/**
 * Checks `analytic` (your gradient of `f` at `x`, same shape as `x`) at `numChecks` random
 * entries. `f` maps `x` to a scalar loss (a number or a one-element Tensor); it runs inside
 * `noGrad` on a float64 copy of `x`, so `x` is never modified. Entries are distinct while
 * `numChecks ≤ x.size`; a larger `numChecks` checks every entry once.
 *
 * Read the relative errors with the course's rules of thumb: > 1e-2 probably wrong,
 * 1e-2…1e-4 suspicious, < 1e-4 fine for functions with kinks, < 1e-7 good.
 *
 * ```ts
 * const checks = gradcheckSparse((W) => loss(W, X, y), W, dW, { numChecks: 5 });
 * console.log(String(checks));
 * ```
 */
export function gradcheckSparse(
  f: (x: Tensor) => number | Tensor,
  x: Tensor,
  analytic: Tensor,
  options: SparseCheckOptions = {},
): SparseCheckReport {
  const { numChecks = 10, seed = 0 } = options;
  const eps = checkEps('gradcheckSparse', options.eps ?? 1e-5);
  if (!(x instanceof Tensor) || !(analytic instanceof Tensor)) {
    throw new Error(`gradcheckSparse: x and analytic must be Tensors, got ${typeof x} and ${typeof analytic}; wrap arrays with tensor(...)`);
  }
  if (x.dtype === 'int32') throw new Error(`gradcheckSparse: x is int32 ${formatShape(x.shape)}, which has no gradient`);
  if (!sameShape(analytic.shape, x.shape)) {
    throw new Error(`gradcheckSparse: analytic has shape ${formatShape(analytic.shape)} but x has ${formatShape(x.shape)}; pass the gradient of f at x`);
  }
  if (!Number.isInteger(numChecks) || numChecks < 0) throw new Error(`gradcheckSparse: numChecks must be an integer ≥ 0, got ${numChecks}`);
  if (x.size === 0 && numChecks > 0) throw new Error('gradcheckSparse: x has no entries to check');

  const storage = Float64Array.from(x.buffer);
  const copy = tensor(storage, { shape: x.shape.slice(), label: x.label });
  const evaluate = (): number => lossValue(noGrad(() => f(copy)));
  const positions = samplePositions(x.size, numChecks, seededUniform(seed));
  const checks: SparseCheck[] = positions.map((flat) => {
    const { plus, minus, stepUp, stepDown } = evaluateAround(storage, flat, eps, evaluate);
    // The stored step, not 2·eps: x ± h rounds, visibly so for |x| ≫ h.
    const numerical = (plus - minus) / (stepUp + stepDown);
    const a = analytic.buffer[flat];
    return { index: unravelIndex(flat, x.shape), flatIndex: flat, analytic: a, numerical, relError: relError(a, numerical) };
  });

  const maxRelError = checks.reduce((m, check) => Math.max(m, check.relError), 0);
  const text = (): string => formatChecks(checks, x, eps, maxRelError);
  Object.defineProperties(checks, {
    maxRelError: { value: maxRelError, enumerable: false },
    toString: { value: text, enumerable: false },
    // Node's console.log ignores toString on arrays; this symbol is how it asks for a custom form.
    [Symbol.for('nodejs.util.inspect.custom')]: { value: text, enumerable: false },
  });
  return checks as unknown as SparseCheckReport;
}

function lossValue(value: number | Tensor): number {
  if (typeof value === 'number') return value;
  if (value instanceof Tensor && value.size === 1) return value.buffer[0];
  const what = value instanceof Tensor ? `a Tensor of shape ${formatShape(value.shape)}` : typeof value;
  throw new Error(`gradcheckSparse: f must return a number or a one-element Tensor (a loss), got ${what}`);
}

/** Up to `count` distinct positions from a seeded shuffle. */
function samplePositions(size: number, count: number, uniform: () => number): number[] {
  // Each entry at most once: checking one twice tells nothing new.
  const positions: number[] = [];
  let order: number[] = [];
  while (positions.length < Math.min(count, size)) {
    if (order.length === 0) {
      order = Array.from({ length: size }, (_, i) => i);
      for (let i = size - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
    }
    positions.push(order.pop()!);
  }
  return positions;
}

function formatChecks(checks: readonly SparseCheck[], x: Tensor, eps: number, maxRelError: number): string {
  const name = x.label === undefined ? 'x' : x.label;
  const lines = [`gradcheckSparse: ${checks.length} random entries of ${name} ${formatShape(x.shape)}, eps ${formatNumber(eps)}`];
  const width = Math.max(0, ...checks.map((check) => formatIndex(check.index).length));
  for (const check of checks) {
    lines.push(
      `  ${formatIndex(check.index).padEnd(width)}  numerical ${formatNumber(check.numerical)}  analytic ${formatNumber(check.analytic)}  ` +
        `relative error ${formatNumber(check.relError)}`,
    );
  }
  lines.push(`max relative error ${formatNumber(maxRelError)}: ${verdict(maxRelError)}`);
  return lines.join('\n');
}

/** The course notes' rules of thumb for a relative error. */
function verdict(error: number): string {
  if (!(error <= 1e-2)) return 'probably wrong (> 1e-2)';
  if (error > 1e-4) return 'suspicious (1e-2…1e-4)';
  if (error > 1e-7) return 'fine if f has kinks (relu, hinge, max), too high otherwise (1e-4…1e-7)';
  return 'good (< 1e-7)';
}
