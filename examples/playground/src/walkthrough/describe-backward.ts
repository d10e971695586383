/**
 * The step panel's text for one backward step: the gradient arriving at the node, the op's local
 * rule, and what it sends to each input — with the sum spelled out where a value used twice
 * gets its second contribution.
 */
import type { Tensor } from '@tapegrad/tensor';
import { formatValues, type BackwardExplanation, type BackwardStep } from '@tapegrad/viz';
import { definition, partial } from './formula.js';
import { nonFiniteNote } from './non-finite.js';

/** The panel lines before the first step: where backward starts and with what. */
export function describeSeed(explanation: BackwardExplanation): string[] {
  const y = explanation.nameOf(explanation.y);
  return [
    `backward starts at the output: ${partial(y, y)} = ${formatValues(explanation.seed)}`,
    'each step takes one node, newest first, multiplies the gradient arriving at its output',
    'by the local derivative, and sends the result to the node’s inputs',
  ];
}

/** The panel lines for `step`; after the last step, the gradients of all leaves too. */
export function describeBackward(explanation: BackwardExplanation, step: BackwardStep): string[] {
  // A method of the explanation (it reads private state), so called on it, not destructured.
  const nameOf = (x: Tensor) => explanation.nameOf(x);
  const y = nameOf(explanation.y);
  const out = nameOf(step.output);
  const d = (x: string) => partial(y, x);
  const lines = [
    `${definition(out, step.op, step.inputs.map((input) => nameOf(input.input)))}   (${step.op})`,
    `arriving: ${d(out)} = ${formatValues(step.upstream)}`,
    `rule: ${step.rule.words}`,
    `      ${step.rule.symbols}`,
  ];
  for (const input of step.inputs) {
    const name = nameOf(input.input);
    if (input.grad === null) lines.push(`sends nothing to ${name} (a constant: no gradient needed)`);
    else if (input.summed && input.previous !== null && input.total !== null) {
      lines.push(
        `sends ${d(name)} += ${formatValues(input.grad)}: ${name} is used more than once, so its gradients add: ` +
          `${formatValues(input.previous)} + ${formatValues(input.grad)} = ${formatValues(input.total)}`,
      );
    } else lines.push(`sends ${d(name)} = ${formatValues(input.grad)}`);
  }
  // Said once, at the step where a nan or inf gradient first appears, not at every step after it.
  if (nonFiniteNote(step.upstream, 'gradient') === null) {
    const note = step.inputs.map((input) => (input.grad === null ? null : nonFiniteNote(input.grad, 'gradient'))).find((text) => text !== null);
    if (note) lines.push(note);
  }
  if (step.index === explanation.steps.length - 1) {
    const leaves = [...explanation.leafGrads].map(([leaf, grad]) => `${d(nameOf(leaf))} = ${formatValues(grad)}`);
    lines.push(`done: ${leaves.join(', ')}`);
  }
  return lines;
}
