/**
 * One fuzzed program, checked: (b) and (c) in a recorded run under the primitive recorder, then
 * backward against vjp, then (a) gradcheck in float64. Throws a readable error at the first
 * check that fails; on success adds the program to the run's summary. Entries gradcheck reports
 * as kinks pass (and are counted); a disagreement confined to a point where some op sits at its
 * kink is checked again at leaves moved off that point (also counted; see nonsmooth.ts).
 */
import { type Tensor, tape, tensor } from '@tapegrad/tensor';
import { gradcheck } from '../../src/index.js';
import { backwardProblems } from './backward-check.js';
import { checkedRun } from './checked-run.js';
import { evaluate } from './evaluate.js';
import { describeDisagreement, disagreements, shifted } from './nonsmooth.js';
import type { Program } from './program.js';
import { Rng } from './rng.js';
import type { FuzzSummary } from './summary.js';
import { tapeProblems } from './tape-check.js';

function failure(what: string, details: readonly string[]): Error {
  return new Error(`${what}:\n  ${details.join('\n  ')}\n(the program is printed as the counterexample)`);
}

export function checkProgram(program: Program, summary: FuzzSummary): void {
  if (program.failure !== null) throw failure('building the program failed', [program.failure.message]);
  const leaves = program.leaves.map((leaf) => tensor(leaf.values.slice(), { shape: leaf.shape.slice(), requiresGrad: true, label: leaf.label }));

  const run = checkedRun(program, leaves);
  if (run.output === null || run.problems.length > 0) {
    throw failure('(b) a call threw what it should not, or (c) a step recorded the wrong node', run.problems);
  }
  const tapedOps = tape(run.output).nodes.map((node) => node.op.name);
  const tapeIssues = tapeProblems(run.output, leaves, run.expected);
  if (tapeIssues.length > 0) throw failure('(c) tape(y) does not list exactly the ops that ran', tapeIssues);
  const backwardIssues = backwardProblems(program, run.output, leaves);
  if (backwardIssues.length > 0) throw failure('backward disagrees with vjp, or a freed graph is not reported', backwardIssues);

  // (a). A disagreement confined to one point, where some op sits at its kink, is checked again
  // a little way off; one that persists fails (see nonsmooth.ts).
  const f = (...xs: Tensor[]) => evaluate(program, xs);
  let point = leaves;
  let report = gradcheck(f, point);
  const seen: string[] = [];
  for (let moves = 0; !report.ok; moves++) {
    const found = disagreements(program, point);
    seen.push(...found.map((d) => `${moves === 0 ? 'at the leaves' : `after move ${moves}`}: ${describeDisagreement(d)}`));
    if (found.length === 0 || moves === 2) {
      throw failure('(a) the analytic gradient disagrees with centered differences in float64', [report.toString(), ...seen]);
    }
    if (moves === 0) summary.movedOff(found.some((d) => d.smooth));
    point = shifted(point, new Rng(moves + 1));
    report = gradcheck(f, point);
  }
  summary.add(program, tapedOps, report);
}
