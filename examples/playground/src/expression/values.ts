/**
 * The values box: `x=-2, y=5, W=[[1, 2], [3, 4]]`. Each name becomes a leaf tensor that requires
 * grad, so every input of the expression gets a gradient in the backward pass.
 */
import { tensor, type Tensor } from '@tapegrad/tensor';
import { ExpressionError } from './expression-error.js';
import type { Span } from './syntax.js';
import { describeToken, tokenize, type Token } from './tokens.js';

/** A number or a (nested) list of numbers, as `tensor()` accepts. */
export type Value = number | readonly Value[];

/** One `name = value` of the values box. */
export interface Binding {
  readonly name: string;
  readonly value: Value;
  /** Where the name was typed. */
  readonly span: Span;
}

/** Parses `x=-2, y=5, W=[[1,2],[3,4]]` (separated by ',' or ';'); throws an {@link ExpressionError} at the first mistake. */
export function parseValues(source: string): Binding[] {
  const tokens = tokenize(source);
  let at = 0;
  const next = (): Token => tokens[Math.min(at++, tokens.length - 1)];
  const peek = (): Token => tokens[Math.min(at, tokens.length - 1)];
  const fail = (expected: string, token: Token): never => {
    throw new ExpressionError(`expected ${expected}, but found ${describeToken(token)}`, token.start, Math.max(token.end, token.start + 1));
  };
  const isSymbol = (token: Token, text: string) => token.kind === 'symbol' && token.text === text;

  function parseValue(): Value {
    const token = next();
    if (isSymbol(token, '-')) {
      const number = next();
      return number.kind === 'number' ? -Number(number.text) : fail('a number after the minus sign', number);
    }
    if (token.kind === 'number') return Number(token.text);
    if (!isSymbol(token, '[')) return fail("a number or '[' (a list such as [1, 2])", token);
    const items = [parseValue()];
    while (isSymbol(peek(), ',')) {
      next();
      items.push(parseValue());
    }
    const close = next();
    return isSymbol(close, ']') ? items : fail("',' or ']'", close);
  }

  const bindings: Binding[] = [];
  while (peek().kind !== 'end') {
    const name = next();
    if (name.kind !== 'name') fail('a name such as x (values are written x=-2, y=5)', name);
    if (bindings.some((binding) => binding.name === name.text)) {
      throw new ExpressionError(`${name.text} is given a value twice; keep one`, name.start, name.end);
    }
    const equals = next();
    if (!isSymbol(equals, '=')) fail(`'=' after ${name.text}`, equals);
    bindings.push({ name: name.text, value: parseValue(), span: name });
    const separator = peek();
    if (isSymbol(separator, ',') || isSymbol(separator, ';')) next();
    else if (separator.kind !== 'end') fail("',' between two values", separator);
  }
  return bindings;
}

/**
 * One leaf tensor per binding, labelled with its name and requiring grad; throws an
 * {@link ExpressionError} at the name whose value is not a tensor (a ragged list such as [[1, 2], [3]]).
 */
export function makeLeaves(bindings: readonly Binding[]): Map<string, Tensor> {
  const leaves = new Map<string, Tensor>();
  for (const { name, value, span } of bindings) {
    try {
      leaves.set(name, tensor(value, { requiresGrad: true, label: name }));
    } catch (error) {
      throw new ExpressionError(`the value of ${name} is not a tensor: ${error instanceof Error ? error.message : String(error)}`, span.start, span.end);
    }
  }
  return leaves;
}
