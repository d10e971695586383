/**
 * How the panel writes what a node computes, from the names (or values) of its operands:
 * `q = x + y`, `f = sigmoid(dot)`, `∂f/∂(w0*x0)`. Names are the learner's own text, so a
 * compound one is bracketed wherever it would otherwise read as something else.
 */

/** The ops the course writes between their operands. */
const INFIX: Readonly<Record<string, string>> = { add: '+', sub: '-', mul: '*', div: '/', pow: '^', matmul: '@' };

/** `x + y` from the operands' texts (names or values); other ops as calls, `tanh(a)`. */
export function formula(op: string, operands: readonly string[]): string {
  const symbol = INFIX[op];
  if (symbol !== undefined && operands.length === 2) return `${asOperand(operands[0])} ${symbol} ${asOperand(operands[1])}`;
  if (op === 'neg' && operands.length === 1) return `-${asOperand(operands[0])}`;
  // The call's own brackets already group each argument: `sum(d * d)`, not `sum((d * d))`.
  return `${op}(${operands.join(', ')})`;
}

/**
 * `name = formula`, or the formula alone when the name is that formula as typed (`x * x`
 * labels the node computing x * x, and `x * x = x * x` tells the learner nothing).
 */
export function definition(name: string, op: string, operands: readonly string[]): string {
  const computed = formula(op, operands);
  return withoutSpaces(computed) === withoutSpaces(name) ? computed : `${name} = ${computed}`;
}

/** `∂f/∂x`, with compound names bracketed: `∂f/∂(w0*x0)`, not `∂f/∂w0*x0`. */
export function partial(y: string, x: string): string {
  return `∂${asOperand(y)}/∂${asOperand(x)}`;
}

/**
 * A text as one operand: names, numbers (`-2`, `1e-3`), lists (`[1, -1]`), calls (`tanh(h)`)
 * and bracketed groups as they are, anything else such as `w0*x0 + w1*x1` in brackets.
 */
export function asOperand(text: string): string {
  const simple = /^[A-Za-z_%][A-Za-z0-9_]*$|^-?[\d.]+(e[+-]?\d+)?$|^-?(nan|inf)$|^\[.*\]$/.test(text);
  const call = /^[A-Za-z_][A-Za-z0-9_]*\(/.exec(text);
  const group = call ? text.slice(call[0].length - 1) : text;
  return simple || isOneBracketedGroup(group) ? text : `(${text})`;
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

function withoutSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}
