/**
 * The walk-through as a terminal table: one row per step, the rule wrapped inside its cell, each
 * input on a line of its own, and a closing line with the leaves' gradients.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { formatValues } from '../graph/number-format.js';
import type { BackwardExplanation, BackwardStep, InputGradient } from './explain-backward.js';
import { textTable, wrapText } from './text-table.js';

/** Width of the rule column's lines: the rest of a row fits beside it on a 160-column terminal. */
const RULE_WIDTH = 44;

const HEADERS = ['step', 'node', 'op', 'upstream', 'rule', 'downstream', 'fork sums'];

/** The table `BackwardExplanation.toString()` prints. */
export function formatExplanation(explanation: BackwardExplanation): string {
  const name = (x: Tensor) => explanation.nameOf(x);
  const y = explanation.y;
  const steps = explanation.steps.length;
  const title =
    `backward of ${name(y)} = ${formatValues(y)} from the seed ${seedText(explanation)}: ` +
    `${steps} step${steps === 1 ? '' : 's'}, newest node first`;
  const rows = explanation.steps.map((step) => stepRow(explanation, step));
  const leaves = [...explanation.leafGrads].map(([leaf, grad]) => `${name(leaf)} = ${formatValues(grad)}`);
  const footer = `gradients: ${leaves.length > 0 ? leaves.join(', ') : 'none (no leaf that requires grad was reached)'}`;
  return [title, textTable(HEADERS, rows), footer].join('\n');
}

/**
 * The seed as the notes write it: `∂f/∂f = 1` for a scalar started from 1, otherwise the given
 * upstream gradient `∂L/∂y = …`.
 */
export function seedText(explanation: BackwardExplanation): string {
  const { y, seed } = explanation;
  const name = explanation.nameOf(y);
  if (seed.size === 1 && seed.buffer[0] === 1 && y.size === 1) return `∂${name}/∂${name} = 1`;
  return `∂L/∂${name} = ${formatValues(seed)}`;
}

/**
 * What a step sent one input: `q ← -4`, or `scale: no gradient`. Where the op's inputs play
 * different parts, the input's part in the rule follows its name (`d as b ← [-1, -1]` for
 * `sub(b, d)`), so the rule's `a` and `b` can be matched with the tensors.
 */
export function sentText(explanation: BackwardExplanation, input: InputGradient): string {
  const name = explanation.nameOf(input.input);
  const who = input.role === null || input.role === name ? name : `${name} as ${input.role}`;
  return input.grad === null ? `${who}: no gradient` : `${who} ← ${formatValues(input.grad)}`;
}

function stepRow(explanation: BackwardExplanation, step: BackwardStep): string[] {
  const name = (x: Tensor) => explanation.nameOf(x);
  const downstream = step.inputs.map((input) => sentText(explanation, input));
  const forks = step.inputs
    .filter((input) => input.summed)
    .map((input) => forkSum(name(input.input), formatValues(input.previous!), formatValues(input.grad!), formatValues(input.total!)));
  return [
    String(step.index + 1),
    name(step.output),
    step.op,
    formatValues(step.upstream),
    [wrapText(step.rule.words, RULE_WIDTH), ...formulas(step.rule.symbols).map((formula) => wrapText(formula, RULE_WIDTH))].join('\n'),
    downstream.join('\n'),
    forks.join('\n'),
  ];
}

/** `x: 1 + 2 = 3` on one line while it is short; otherwise previous, contribution and sum one per line. */
function forkSum(name: string, previous: string, grad: string, total: string): string {
  const line = `${name}: ${previous} + ${grad} = ${total}`;
  return line.length <= FORK_LINE_WIDTH ? line : `${name}: ${previous}\n  + ${grad}\n  = ${total}`;
}

const FORK_LINE_WIDTH = 40;

/**
 * A rule's symbols, one formula per line: split at the commas that start a new `name =`
 * (`∂L/∂a = …, ∂L/∂b = …`), not at those inside an index such as `[:, None]`.
 */
function formulas(symbols: string): string[] {
  return symbols.split(/, (?=\S+ =)/);
}
