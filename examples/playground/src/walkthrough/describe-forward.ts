/**
 * The step panel's text for one forward step: the node's formula in names, then in numbers, then
 * its value — `q = x + y = -2 + 5 = 3` — so the learner sees where each value comes from.
 */
import type { TapeNode, Tensor } from '@tapegrad/tensor';
import { formatTensor } from './format-tensor.js';

/** The ops the course writes between their operands. */
const INFIX: Readonly<Record<string, string>> = { add: '+', sub: '-', mul: '*', div: '/', pow: '^', matmul: '@' };

/** `x + y` from the operands' texts (names or values); other ops as calls, `tanh(a)`. */
export function formula(op: string, operands: readonly string[]): string {
  const grouped = operands.map(groupIfCompound);
  const symbol = INFIX[op];
  if (symbol !== undefined && grouped.length === 2) return `${grouped[0]} ${symbol} ${grouped[1]}`;
  if (op === 'neg' && grouped.length === 1) return `-${grouped[0]}`;
  return `${op}(${grouped.join(', ')})`;
}

/** The lines the panel shows when `node` has just been computed; `nameOf` names a tensor as the drawing does. */
export function describeForward(node: TapeNode, nameOf: (x: Tensor) => string): string[] {
  const inputs = node.inputs ?? [];
  const name = nameOf(node.output);
  return [
    `${name} = ${formula(node.op.name, inputs.map(nameOf))}`,
    `${' '.repeat(name.length)} = ${formula(node.op.name, inputs.map(formatTensor))}`,
    `${' '.repeat(name.length)} = ${formatTensor(node.output)}`,
  ];
}

/**
 * A label such as `w0*x0 + w1*x1` in brackets, so it reads as one operand; names, numbers
 * (`-2`, `1e-3`) and lists (`[1, -1]`) as they are.
 */
function groupIfCompound(text: string): string {
  const simple = /^[A-Za-z_%][A-Za-z0-9_]*$|^-?[\d.]+(e[+-]?\d+)?$|^\[.*\]$/.test(text);
  return simple || isOneBracketedGroup(text) ? text : `(${text})`;
}

/** True for `(x + y)`, false for `(a) * (b)`, whose first bracket closes before the end. */
function isOneBracketedGroup(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    if (text[i] === ')') depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return true;
}
