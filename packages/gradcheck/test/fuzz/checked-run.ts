/**
 * The checked run: the program once more, on leaves that require grad, step by step under the
 * primitive recorder. Each misuse must throw a documented error, recording or not (b). Each valid
 * call must not throw, must compute exactly what it computed in noGrad when the program was
 * built, and its result must carry the node of the primitive its recipe names, recorded last in
 * the step (or be its input, for calls that may return it); a call that goes through int32, or
 * reads only values that did, must be off the tape and record nothing. The recorded calls of the
 * valid steps, in order, are what `tape(y)` must list (c).
 */
import { describeTensor, formatShape, noGrad, sameShape, type Tensor } from '@tapegrad/tensor';
import { undocumentedReason } from './documented-error.js';
import type { Program, Step } from './program.js';
import { IDENTITY, type Recipe } from './recipe.js';
import { recipeFor } from './recipes/index.js';
import { type LoggedCall, recording } from './recorder.js';

export interface CheckedRun {
  /** The output, or null when a valid step threw. */
  readonly output: Tensor | null;
  /** The primitive calls that the tape must hold, in the order they ran. */
  readonly expected: readonly LoggedCall[];
  /** How many misuses were run. */
  readonly misuses: number;
  readonly problems: readonly string[];
}

function attempt<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
}

export function checkedRun(program: Program, leaves: readonly Tensor[]): CheckedRun {
  const values: Tensor[] = leaves.slice();
  const expected: LoggedCall[] = [];
  const problems: string[] = [];
  let misuses = 0;
  for (const [index, step] of program.steps.entries()) {
    const recipe = recipeFor(step.op);
    const inputs = step.args.map((id) => values[id]);
    const { outcome, calls } = recording(() => recipe.run(inputs, step.attrs, step.consts));
    const where = program.name(index);
    if (step.error) {
      misuses++;
      // Whatever a failing call ran before throwing is garbage, not part of the program's tape.
      // The same call must fail the same way without recording.
      const unrecorded = attempt(() => noGrad(() => recipe.run(inputs, step.attrs, step.consts)));
      for (const [mode, result] of [['', outcome], [' in noGrad', unrecorded]] as const) {
        if (result.ok) {
          problems.push(`${where} should have thrown "${step.error.op}: …"${mode} but returned ${describeTensor(result.value)}`);
        } else {
          const reason = undocumentedReason(result.error, step.error);
          if (reason !== null) problems.push(`${where}${mode} ${reason}`);
        }
      }
      continue;
    }
    if (!outcome.ok) {
      problems.push(`${where} threw on a valid call: ${describeError(outcome.error)}`);
      return { output: null, expected, misuses, problems };
    }
    const out = outcome.value;
    values[step.out] = out;
    const recorded = calls.filter((call) => call.recorded);
    expected.push(...recorded);
    problems.push(...resultProblems(where, step, recipe, inputs, out, recorded));
  }
  return { output: values[program.output], expected, misuses, problems };
}

function resultProblems(
  where: string,
  step: Step,
  recipe: Recipe,
  inputs: readonly Tensor[],
  out: Tensor,
  recorded: readonly LoggedCall[],
): string[] {
  const problems: string[] = [];
  if (!sameShape(out.shape, step.shape)) {
    problems.push(`${where} returned ${formatShape(out.shape)} while recording but ${formatShape(step.shape)} in noGrad`);
  } else if (step.values !== null) {
    const built = step.values;
    const differs = built.findIndex((v, i) => v !== out.buffer[i]);
    if (differs >= 0) problems.push(`${where} computed ${out.buffer[differs]} at flat index ${differs} while recording, ${built[differs]} in noGrad`);
  }
  if (recipe.cutsGraph?.(step.attrs)) {
    if (out.node !== null || out.requiresGrad) {
      problems.push(`${where} went through int32, which cuts the graph, but returned ${describeTensor(out)} ${out.node ? `with a ${out.node.op.name} node` : 'requiring grad'}`);
    }
    if (recorded.length > 0) problems.push(`${where} went through int32 but recorded ${recorded.map((c) => c.op).join(', ')}`);
    return problems;
  }
  if (inputs.includes(out)) {
    if (!recipe.produces.includes(IDENTITY)) problems.push(`${where} returned its input unchanged`);
    if (recorded.length > 0) problems.push(`${where} returned its input but recorded ${recorded.map((c) => c.op).join(', ')}`);
    return problems;
  }
  const compared = recipe.comparedOnly?.(step.attrs) ?? [];
  if (!inputs.some((x, i) => x.requiresGrad && !compared.includes(i))) {
    // Every operand read differentiably is downstream of a graph cut: the tape has nothing to hold.
    if (out.node !== null || out.requiresGrad) problems.push(`${where} read only values cut from the graph but returned ${describeTensor(out)} on the tape`);
    if (recorded.length > 0) problems.push(`${where} read only values cut from the graph but recorded ${recorded.map((c) => c.op).join(', ')}`);
    return problems;
  }
  const last = recorded[recorded.length - 1];
  if (out.node === null) {
    problems.push(`${where} returned ${describeTensor(out)} with no tape node, although its inputs require grad`);
  } else if (last === undefined || last.buffer !== out.buffer || last.op !== out.node.op.name) {
    const lastOp = last?.op ?? 'none ran';
    problems.push(`${where}: the result's node (${out.node.op.name}) is not the last recorded primitive of the step (${lastOp})`);
  } else if (!recipe.produces.includes(last.op)) {
    problems.push(`${where}: the result was recorded by ${last.op}; the recipe expects ${recipe.produces.join(' or ')}`);
  }
  if (!out.requiresGrad) problems.push(`${where} returned a tensor that does not require grad, although its inputs do`);
  return problems;
}
