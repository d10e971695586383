/**
 * A recursive-descent parser for the playground's expressions:
 *
 *   program   := statement (';' statement)* ';'?
 *   statement := name '=' sum | sum
 *   sum       := product (('+' | '-') product)*
 *   product   := unary (('*' | '/' | '@') unary)*
 *   unary     := '-' unary | power
 *   power     := atom ('^' unary)?          (right-associative: -x^2 is -(x^2), 2^-1 is allowed)
 *   atom      := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
 */
import { ExpressionError } from './expression-error.js';
import type { BinaryOperator, Expression, Program, Statement } from './syntax.js';
import { describeToken, tokenize, type Token } from './tokens.js';

/** Parses `source` into statements; throws an {@link ExpressionError} pointing at the first mistake. */
export function parseProgram(source: string): Program {
  const reader = new TokenReader(tokenize(source));
  if (reader.peek().kind === 'end') throw new ExpressionError('the expression is empty; type one such as (x + y) * z', 0, 1);
  const statements: Statement[] = [];
  do {
    if (reader.peek().kind === 'end') break; // a trailing ';'
    statements.push(parseStatement(reader));
  } while (reader.accept(';'));
  const next = reader.peek();
  if (next.kind !== 'end') {
    throw new ExpressionError(`expected an operator, ';' or the end, but found ${describeToken(next)}`, next.start, next.end);
  }
  return { statements };
}

/** The tokens with a cursor; `accept` consumes a symbol when it is next. */
class TokenReader {
  private at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.at + offset, this.tokens.length - 1)];
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.at++;
    return token;
  }

  accept(symbol: string): Token | null {
    const token = this.peek();
    if (token.kind !== 'symbol' || token.text !== symbol) return null;
    this.at++;
    return token;
  }

  expect(symbol: string, context: string): Token {
    const token = this.accept(symbol);
    if (token) return token;
    const found = this.peek();
    throw new ExpressionError(`expected '${symbol}' ${context}, but found ${describeToken(found)}`, found.start, found.end);
  }
}

function parseStatement(reader: TokenReader): Statement {
  const first = reader.peek();
  const second = reader.peek(1);
  if (first.kind === 'name' && second.kind === 'symbol' && second.text === '=') {
    reader.next();
    reader.next();
    return { name: { text: first.text, span: first }, expression: parseSum(reader) };
  }
  return { name: null, expression: parseSum(reader) };
}

function parseSum(reader: TokenReader): Expression {
  let left = parseProduct(reader);
  for (let op = reader.accept('+') ?? reader.accept('-'); op; op = reader.accept('+') ?? reader.accept('-')) {
    left = binary(op.text as BinaryOperator, left, parseProduct(reader));
  }
  return left;
}

function parseProduct(reader: TokenReader): Expression {
  let left = parseUnary(reader);
  for (let op = reader.accept('*') ?? reader.accept('/') ?? reader.accept('@'); op; op = reader.accept('*') ?? reader.accept('/') ?? reader.accept('@')) {
    left = binary(op.text as BinaryOperator, left, parseUnary(reader));
  }
  return left;
}

function parseUnary(reader: TokenReader): Expression {
  const minus = reader.accept('-');
  if (!minus) return parsePower(reader);
  const operand = parseUnary(reader);
  return { kind: 'negate', operand, span: { start: minus.start, end: operand.span.end } };
}

function parsePower(reader: TokenReader): Expression {
  const base = parseAtom(reader);
  return reader.accept('^') ? binary('^', base, parseUnary(reader)) : base;
}

function parseAtom(reader: TokenReader): Expression {
  const token = reader.next();
  if (token.kind === 'number') return { kind: 'number', value: Number(token.text), span: token };
  if (token.kind === 'name') {
    if (!reader.accept('(')) return { kind: 'name', name: token.text, span: token };
    const args = [parseSum(reader)];
    while (reader.accept(',')) args.push(parseSum(reader));
    const close = reader.expect(')', `to close ${token.text}(`);
    return { kind: 'call', name: token.text, nameSpan: token, args, span: { start: token.start, end: close.end } };
  }
  if (token.kind === 'symbol' && token.text === '(') {
    const inner = parseSum(reader);
    const close = reader.expect(')', "to close '('");
    // The parentheses belong to the span, so a label reads "(x + y)" as typed.
    return { ...inner, span: { start: token.start, end: close.end } };
  }
  throw new ExpressionError(`expected a number, a name or '(', but found ${describeToken(token)}`, token.start, Math.max(token.end, token.start + 1));
}

function binary(operator: BinaryOperator, left: Expression, right: Expression): Expression {
  return { kind: 'binary', operator, left, right, span: { start: left.span.start, end: right.span.end } };
}
