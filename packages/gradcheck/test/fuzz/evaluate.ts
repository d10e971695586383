/**
 * The interpreter gradcheck differentiates: runs a program's valid steps on the given leaves
 * and returns its scalar output. Misuses produce nothing, so they are skipped here; the checked
 * run exercises them.
 */
import type { Tensor } from '@tapegrad/tensor';
import type { Program } from './program.js';
import { recipeFor } from './recipes/index.js';

export function evaluate(program: Program, leaves: readonly Tensor[]): Tensor {
  const values: Tensor[] = leaves.slice();
  for (const step of program.steps) {
    if (step.error) continue;
    values[step.out] = recipeFor(step.op).run(
      step.args.map((id) => values[id]),
      step.attrs,
      step.consts,
    );
  }
  return values[program.output];
}
