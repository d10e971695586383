/**
 * `gradcheck`: compares the analytic gradient (backward) of a function with its numerical
 * gradient (centered differences), entry by entry, and reports where and by how much they differ
 * in terms a person can act on.
 * @module
 */
import type { Dtype, Tensor, TensorFunction } from '@tapegrad/tensor';
import { analyticGradient } from './analytic-gradient.js';
import { formatReport } from './format-report.js';
import { float32InsideNote, float32Note, noiseNote, tieNote } from './notes.js';
import { gapPersists, isSubgradient, jointSlopes, type Kink, matchesOneSide, roundingNoise, slopesDiffer } from './kink.js';
import { unravelIndex } from './multi-index.js';
import { centeredDifferences, checkEps } from './numerical-gradient.js';
import { createProbe, type Probe } from './probe.js';
import { relError } from './rel-error.js';
import { allowedError, entryFails, FLOAT32_TOLERANCE, FLOAT64_TOLERANCE, type Tolerance, widenForFloat32 } from './tolerance.js';

/** Options of `gradcheck` and `assertGradcheck`. */
export interface GradcheckOptions {
  /** Step h of the finite differences (default 1e-6, or 1e-3 when f computes in float32 even on float64 inputs). */
  readonly eps?: number;
  /** Absolute tolerance for float64 (default 1e-5). */
  readonly atol?: number;
  /** Relative tolerance for float64 (default 1e-3). */
  readonly rtol?: number;
  /** Absolute tolerance when backward runs in float32 (default 1e-3; never below `atol`). */
  readonly float32Atol?: number;
  /** Relative tolerance when backward runs in float32 (default 1e-2; never below `rtol`). */
  readonly float32Rtol?: number;
  /** The `v` of `sum(f(x) · v)`, with `f`'s output shape; default a fixed random one. */
  readonly projection?: Tensor;
  /** Seed of the default random `v` (default 0). */
  readonly seed?: number;
}

/** One entry of one input, analytic against numerical. */
export interface EntryComparison {
  /** Multi-index of the entry within its input. */
  readonly index: readonly number[];
  /** Row-major flat position of the entry. */
  readonly flatIndex: number;
  /** What backward gave. */
  readonly analytic: number;
  /** The centered difference. */
  readonly numerical: number;
  /** `|analytic − numerical|`. */
  readonly absError: number;
  /** The course notes' `relError(analytic, numerical)`. */
  readonly relError: number;
  /** The largest `absError` accepted here: `atol + rtol·|numerical|`. */
  readonly allowed: number;
}

/** The verdict for one input. */
export interface InputCheck {
  /** Position of the input in the `inputs` array. */
  readonly index: number;
  /** The input's label, when it has one. */
  readonly label?: string;
  /** The input's shape. */
  readonly shape: readonly number[];
  /** The input's dtype. */
  readonly dtype: Dtype;
  /** False for int32 inputs, which are constants of `f` and have no gradient. */
  readonly checked: boolean;
  /** Number of entries compared (kinks excluded). */
  readonly entries: number;
  /** Largest `|a − n|` over the compared entries. */
  readonly maxAbsError: number;
  /**
   * Largest relative error over the compared entries whose larger magnitude exceeds `atol`;
   * below that both values are rounding noise and their ratio means nothing (they are judged
   * by `atol` alone).
   */
  readonly maxRelError: number;
  /** The entry that misses its tolerance by the widest margin (null when nothing was compared). */
  readonly worst: EntryComparison | null;
  /** The few entries that miss their tolerance by the widest margins, worst first. */
  readonly worstEntries: readonly EntryComparison[];
  /** Entries outside tolerance that are not kinks. */
  readonly failures: number;
  /** True when backward ran in float32 for this input, so it was judged with float32 tolerances. */
  readonly float32: boolean;
  /** The tolerance this input was judged with. */
  readonly tolerance: Tolerance;
  /** Caveats about this input: why nothing was checked, float32 tolerances, a noisy numerical gradient. */
  readonly notes: readonly string[];
}

/** What `gradcheck` found. `String(report)` reads like a test failure. */
export interface GradcheckReport {
  /** True when no input has a failing entry (kinks do not count). */
  readonly ok: boolean;
  /** One verdict per input, in the order of `inputs`. */
  readonly perInput: readonly InputCheck[];
  /** Entries where `f` is not differentiable within ±eps, excluded from the verdict. */
  readonly kinks: readonly Kink[];
  /** The `v` the output was reduced with (float64, `f`'s output shape). */
  readonly projection: Tensor;
  /** `f`'s output shape. */
  readonly outputShape: readonly number[];
  /** The finite-difference step used. */
  readonly eps: number;
  /** The float64 tolerance asked for. */
  readonly tolerance: Tolerance;
  /** Caveats a reader needs, such as float32 tolerances. */
  readonly notes: readonly string[];
  /** A one-line summary when ok; otherwise which input, which entry, both values, the tolerance, a table and the kinks. */
  toString(): string;
}

/** How many of the worst entries a report tabulates per input. */
const TABLE_ROWS = 5;

/**
 * Checks the gradient of `f` with respect to every float input against centered differences.
 *
 * A non-scalar `f` is checked through `sum(f(x) · v)` for a fixed random `v`: the same `v` seeds
 * backward, so this checks backward's vector-Jacobian product in one pass. Both sides use
 * private copies of the inputs; the user's tensors and their `.grad` are never touched. int32
 * inputs are passed through as constants.
 *
 * An entry fails when `|a − n| > atol + rtol·|n|`. Entries where the one-sided slopes differ
 * (a relu at 0, a tie in max) and the analytic value lies between them (a valid subgradient)
 * are kinks: reported in `kinks`, not counted as failures. An analytic value outside both slopes
 * still fails, and entries tied at one corner must add up to the slope of moving them together,
 * so a tie cannot hide a backward that hands out the wrong total. When
 * backward runs in float32 (a float32 input, or an `f` that returns float32), that input is
 * judged with float32 tolerances and the report says so.
 *
 * ```ts
 * const report = gradcheck((x, w) => x.matmul(w).tanh(), [randn([4, 3]), randn([3, 2])]);
 * if (!report.ok) console.log(String(report));
 * ```
 */
export function gradcheck(f: TensorFunction, inputs: readonly Tensor[], options: GradcheckOptions = {}): GradcheckReport {
  const probe = createProbe('gradcheck', f, inputs, options);
  // An f that computes in float32 even on float64 inputs makes its own centered differences in
  // float32: at h = 1e-6 they would be rounding noise, so the default step grows to 1e-3.
  const numericalInFloat32 = probe.machineEpsilon > Number.EPSILON;
  const eps = checkEps('gradcheck', options.eps ?? (numericalInFloat32 ? 1e-3 : 1e-6));
  const tolerance: Tolerance = {
    atol: checkTolerance('atol', options.atol ?? FLOAT64_TOLERANCE.atol),
    rtol: checkTolerance('rtol', options.rtol ?? FLOAT64_TOLERANCE.rtol),
  };
  const float32Tolerance = widenForFloat32(tolerance, {
    atol: checkTolerance('float32Atol', options.float32Atol ?? FLOAT32_TOLERANCE.atol),
    rtol: checkTolerance('float32Rtol', options.float32Rtol ?? FLOAT32_TOLERANCE.rtol),
  });

  const analytic = analyticGradient('gradcheck', f, inputs, probe.projection);
  const notes: string[] = [];
  if (numericalInFloat32) {
    notes.push(float32InsideNote(eps, options.eps === undefined));
  }
  const hasFloatInput = inputs.some((input) => input.dtype !== 'int32');
  if (!hasFloatInput) notes.push('no float inputs: nothing was checked (int32 inputs are constants)');

  const kinks: Kink[] = [];
  const perInput = inputs.map((input, i): InputCheck => {
    const base = { index: i, ...(input.label === undefined ? {} : { label: input.label }), shape: input.shape.slice(), dtype: input.dtype };
    const gradient = analytic.gradients[i];
    if (gradient === null) {
      const skipped = {
        checked: false, entries: 0, maxAbsError: 0, maxRelError: 0, worst: null, worstEntries: [], failures: 0, float32: false, tolerance,
      };
      return { ...base, ...skipped, notes: ['int32: a constant of f, not checked'] };
    }
    const float32 = input.dtype === 'float32' || analytic.outputDtype === 'float32' || numericalInFloat32;
    const judgedWith = float32 ? float32Tolerance : tolerance;
    const inputNotes: string[] = [];
    if (float32) inputNotes.push(float32Note(i, input, analytic.outputDtype, judgedWith, tolerance));
    // Centered differences divide rounding error of size ~u·|f| by 2h: when that exceeds atol,
    // correct code can fail, and the reader needs to know the reference itself is the problem.
    const numericalNoise = roundingNoise(probe.baseScale, eps, probe.machineEpsilon) / 2;
    if (numericalNoise > judgedWith.atol) inputNotes.push(noiseNote(i, input, numericalNoise, probe.baseScale, eps));
    notes.push(...inputNotes);
    const kinkTolerance = numericalInFloat32 ? float32Tolerance : tolerance;
    const comparison = compareEntries(probe, i, input, gradient, { eps, judgedWith, kinkTolerance });
    kinks.push(...comparison.kinks);
    inputNotes.push(...comparison.notes);
    notes.push(...comparison.notes);
    return { ...base, checked: true, ...comparison.summary, float32, tolerance: judgedWith, notes: inputNotes };
  });

  const report: GradcheckReport = {
    ok: perInput.every((check) => check.failures === 0),
    perInput,
    kinks,
    projection: probe.projection,
    outputShape: probe.outputShape,
    eps,
    tolerance,
    notes,
    toString: () => formatReport(report),
  };
  return report;
}

/** What `compareEntries` needs besides the entries themselves. */
interface ComparisonSettings {
  readonly eps: number;
  /** The tolerance analytic values are judged with (float32-widened where needed). */
  readonly judgedWith: Tolerance;
  /** The tolerance for one-sided slopes, which come from the float64 numerical side alone. */
  readonly kinkTolerance: Tolerance;
}

type EntrySummary = Pick<InputCheck, 'entries' | 'maxAbsError' | 'maxRelError' | 'worst' | 'worstEntries' | 'failures'>;

/** Compares every entry of one input, setting kinks apart. */
function compareEntries(
  probe: Probe,
  inputIndex: number,
  input: Tensor,
  gradient: Float64Array,
  { eps, judgedWith, kinkTolerance }: ComparisonSettings,
): { summary: EntrySummary; kinks: Kink[]; notes: string[] } {
  const differences = centeredDifferences(probe, inputIndex, eps);
  let kinks: Kink[] = [];
  const kinkEntries: EntryComparison[] = [];
  const compared: { entry: EntryComparison; margin: number }[] = [];
  const notes: string[] = [];
  let maxAbsError = 0;
  let maxRelError = 0;
  let failures = 0;
  const count = (entry: EntryComparison, failing: boolean) => {
    if (failing) failures++;
    // Math.max propagates NaN, so one NaN entry makes the maxima NaN, as it should.
    maxAbsError = Math.max(maxAbsError, entry.absError);
    if (!(Math.max(Math.abs(entry.analytic), Math.abs(entry.numerical)) <= judgedWith.atol)) maxRelError = Math.max(maxRelError, entry.relError);
    const margin = Number.isNaN(entry.absError) ? Infinity : entry.absError === 0 ? 0 : entry.absError / entry.allowed;
    compared.push({ entry, margin: failing ? Math.max(margin, 1) : margin });
  };
  for (let j = 0; j < gradient.length; j++) {
    const a = gradient[j];
    const n = differences.gradient[j];
    const left = (probe.base - differences.minus[j]) / differences.stepDown[j];
    const right = (differences.plus[j] - probe.base) / differences.stepUp[j];
    const index = unravelIndex(j, input.shape);
    const noise = roundingNoise(probe.baseScale, Math.min(differences.stepUp[j], differences.stepDown[j]), probe.machineEpsilon);
    const allowed = allowedError(judgedWith, n);
    const absError = Math.abs(a - n);
    const entry: EntryComparison = { index, flatIndex: j, analytic: a, numerical: n, absError, relError: relError(a, n), allowed };
    const failing = entryFails(entry);
    // A kink at x itself keeps its slope gap at a smaller step; one merely within ±eps of x does
    // not, but then backward gives the slope of x's own side, which is the other tell.
    const atKink =
      slopesDiffer(left, right, kinkTolerance, noise) &&
      isSubgradient(a, left, right, allowed + noise) &&
      ((failing && matchesOneSide(a, left, right, allowed + noise)) ||
        gapPersists(probe, inputIndex, j, eps, Math.abs(left - right), kinkTolerance));
    if (atKink) {
      const label = input.label === undefined ? {} : { label: input.label };
      kinks.push({ input: inputIndex, ...label, index, flatIndex: j, left, right, analytic: a, numerical: n });
      kinkEntries.push(entry);
    } else {
      count(entry, failing);
    }
  }
  // Each kink entry alone may hold a valid one-sided slope while together they do not: a max
  // that gives every tied entry the full gradient. Moving all of them at once tells — at a tie
  // that move is smooth (both joint slopes agree), and the analytic values must add up to it.
  // Where the joint slopes still differ (independent kinks), no such total is fixed: skip.
  if (kinkEntries.length >= 2) {
    const flats = kinkEntries.map((entry) => entry.flatIndex);
    const { left, right } = jointSlopes(probe, inputIndex, flats, eps);
    const total = kinkEntries.reduce((sum, entry) => sum + entry.analytic, 0);
    const noise = roundingNoise(probe.baseScale, eps, probe.machineEpsilon) * flats.length;
    const slope = (left + right) / 2;
    const smooth = !slopesDiffer(left, right, kinkTolerance, noise);
    if (smooth && !(Math.abs(total - slope) <= allowedError(judgedWith, slope) + noise)) {
      for (const entry of kinkEntries) count(entry, true);
      kinks = [];
      notes.push(tieNote(inputIndex, input, flats, total, slope));
    }
  }
  // Rank by how far past its own tolerance an entry is, not by raw error: a 1e-3 miss on a
  // gradient of 1e3 is fine, on a gradient of 1e-3 it is the bug.
  compared.sort((p, q) => q.margin - p.margin);
  const worstEntries = compared.slice(0, TABLE_ROWS).map(({ entry }) => entry);
  const summary = { entries: compared.length, maxAbsError, maxRelError, worst: worstEntries[0] ?? null, worstEntries, failures };
  return { summary, kinks, notes };
}

/**
 * `gradcheck`, throwing an Error whose message is the report when any entry fails; returns the
 * report otherwise. Use it inside tests: the failure message names the input, the entry and both
 * values.
 *
 * ```ts
 * it('has a correct backward', () => {
 *   assertGradcheck((x) => myOp.apply([x]).sum(), [randn([3, 4])]);
 * });
 * ```
 */
export function assertGradcheck(f: TensorFunction, inputs: readonly Tensor[], options: GradcheckOptions = {}): GradcheckReport {
  const report = gradcheck(f, inputs, options);
  if (!report.ok) throw new Error(report.toString());
  return report;
}

function checkTolerance(name: string, value: number): number {
  if (!(value >= 0) || !Number.isFinite(value)) throw new Error(`gradcheck: ${name} must be a finite number ≥ 0, got ${value}`);
  return value;
}
