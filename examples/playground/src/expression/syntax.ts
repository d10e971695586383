/**
 * The parsed form of an expression: a tree whose every node remembers the characters it came
 * from, so the graph can be labelled with the learner's own text and errors can point at it.
 */

/** Characters `start`..`end` of the source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A binary operator as typed: `@` is matrix product, `^` is power. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '^' | '@';

/** One node of the expression tree. */
export type Expression =
  | { readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly kind: 'name'; readonly name: string; readonly span: Span }
  | { readonly kind: 'negate'; readonly operand: Expression; readonly span: Span }
  | { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly left: Expression; readonly right: Expression; readonly span: Span }
  | { readonly kind: 'call'; readonly name: string; readonly nameSpan: Span; readonly args: readonly Expression[]; readonly span: Span };

/** `q = x + y` (a named intermediate) or a bare expression. */
export interface Statement {
  /** The name on the left of `=`, which labels the result in the drawing. */
  readonly name: { readonly text: string; readonly span: Span } | null;
  readonly expression: Expression;
}

/** Statements separated by `;`; the last one is the output whose gradient is taken. */
export interface Program {
  readonly statements: readonly Statement[];
}
