/**
 * Splits the text a learner types into tokens that remember where they start, so every later
 * error can point at the exact character.
 */
import { ExpressionError } from './expression-error.js';

/** One token: a number, a name, a punctuation mark, or the end of the text. */
export interface Token {
  readonly kind: 'number' | 'name' | 'symbol' | 'end';
  /** The characters as typed (empty for `end`). */
  readonly text: string;
  /** Index of the first character in the source text. */
  readonly start: number;
  /** Index just past the last character. */
  readonly end: number;
}

/** The one-character symbols of both boxes: arithmetic, grouping, separators, bindings and lists. */
const SYMBOLS = new Set(['+', '-', '*', '/', '^', '@', '(', ')', ',', ';', '=', '[', ']']);

// A number as people write it: 3, 0.5, .5, 2e-3. A sign is an operator, not part of the number,
// so `x-2` reads as x minus 2.
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** The tokens of `source`, ending with one `end` token; throws an {@link ExpressionError} at a stray character. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    const name = number ? null : NAME.exec(rest);
    const text = number?.[0] ?? name?.[0] ?? (SYMBOLS.has(rest[0]) ? rest[0] : null);
    if (text === null) {
      throw new ExpressionError(`unexpected character '${rest[0]}'; use numbers, names, + - * / ^ @, parentheses and commas`, at, at + 1);
    }
    tokens.push({ kind: number ? 'number' : name ? 'name' : 'symbol', text, start: at, end: at + text.length });
    at += text.length;
  }
  tokens.push({ kind: 'end', text: '', start: source.length, end: source.length });
  return tokens;
}

/** How an error message names a token: `'*'`, or "the end" for the end of the text. */
export function describeToken(token: Token): string {
  return token.kind === 'end' ? 'the end' : `'${token.text}'`;
}
