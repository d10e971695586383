/**
 * The step panel's text for one forward step: the node's formula in names, then in numbers, then
 * its value — `q = x + y = -2 + 5 = 3` — so the learner sees where each value comes from.
 */
import type { TapeNode, Tensor } from '@tapegrad/tensor';
import { formatValues } from '@tapegrad/viz';
import { definition, formula } from './formula.js';
import { nonFiniteNote } from './non-finite.js';

/** The lines the panel shows when `node` has just been computed; `nameOf` names a tensor as the drawing does. */
export function describeForward(node: TapeNode, nameOf: (x: Tensor) => string): string[] {
  const inputs = node.inputs ?? [];
  const name = nameOf(node.output);
  const inNames = definition(name, node.op.name, inputs.map(nameOf));
  const inNumbers = formula(node.op.name, inputs.map((x) => formatValues(x)));
  const value = formatValues(node.output);
  // When the label is the formula itself (`x * x`), the names line is also the left-hand side.
  const lines = inNames.startsWith(`${name} = `)
    ? [inNames, `${' '.repeat(name.length)} = ${inNumbers}`, `${' '.repeat(name.length)} = ${value}`]
    : [`${inNames} = ${inNumbers}`, `${' '.repeat(inNames.length)} = ${value}`];
  const note = nonFiniteNote(node.output, 'value');
  return note === null ? lines : [...lines, note];
}
