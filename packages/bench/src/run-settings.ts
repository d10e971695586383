/**
 * How long each mode may spend: per-case timing budgets and limits for `--quick` (the whole run in
 * under 3 minutes) and the full run (under 15), and the deadline after which a child is killed.
 */
import type { CaseOptions } from './run-case.js';

export interface RunSettings extends CaseOptions {
  /** A case whose child has not reported within this is killed and reported as not measurable. */
  caseDeadlineMs: number;
  /** Runs of the gradient property suite and of the demo. */
  suiteRepetitions: number;
}

export function runSettings(quick: boolean): RunSettings {
  return quick
    ? { budgetMs: 500, warmup: 2, minRepetitions: 3, maxRepetitions: 15, stepLimitMs: 6_000, caseDeadlineMs: 40_000, suiteRepetitions: 1 }
    : { budgetMs: 3_000, warmup: 3, minRepetitions: 5, maxRepetitions: 50, stepLimitMs: 40_000, caseDeadlineMs: 150_000, suiteRepetitions: 3 };
}
