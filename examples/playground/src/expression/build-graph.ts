/**
 * Runs a parsed program on tapegrad tensors: each value from the values box becomes a labelled
 * leaf that requires grad, and each operator or function call records one op on the tape. The
 * result is the recorded graph the walk-through draws and steps through.
 */
import { add, div, matmul, mul, neg, pow, scalar, sub, type Tensor } from '@tapegrad/tensor';
import { ExpressionError } from './expression-error.js';
import { FUNCTIONS } from './functions.js';
import { Labels } from './labels.js';
import type { BinaryOperator, Expression, Program, Span } from './syntax.js';

/** The tensors of one evaluated program. */
export interface BuiltGraph {
  /** The last statement's value: where backward starts. */
  readonly output: Tensor;
  /** The leaves (values box entries the program uses), in order of first use. */
  readonly leaves: readonly Tensor[];
}

/** Longest typed text used as a label; longer intermediates get t1, t2 … so the drawing stays narrow. */
const MAX_LABEL_LENGTH = 14;

const OPERATORS: Record<BinaryOperator, (a: Tensor, b: Tensor) => Tensor> = { '+': add, '-': sub, '*': mul, '/': div, '^': pow, '@': matmul };

/**
 * Evaluates `program` (parsed from `source`) on the `leaves` made from the values box; throws an
 * {@link ExpressionError} in `source` for an unknown name or function, a wrong argument count or
 * an op that rejects its inputs (shapes that do not broadcast, a matmul of mismatched sizes).
 */
export function buildGraph(source: string, program: Program, leaves: ReadonlyMap<string, Tensor>): BuiltGraph {
  const used = new Map<string, Tensor>();
  const defined = new Map<string, Tensor>();
  const statementNames = program.statements.flatMap((statement) => (statement.name ? [statement.name.text] : []));
  const labels = new Labels([...leaves.keys(), ...statementNames]);

  const labelFor = (span: Span): string => {
    const text = source.slice(span.start, span.end).replace(/\s+/g, ' ');
    return text.length <= MAX_LABEL_LENGTH ? labels.typed(text) : labels.numbered();
  };

  const leaf = (name: string, span: Span): Tensor => {
    const value = defined.get(name) ?? leaves.get(name);
    if (!value) {
      const hint = FUNCTIONS.has(name) ? `${name} is a function: call it as ${name}(…)` : `give it a value in the values box, e.g. ${name}=1`;
      throw new ExpressionError(`unknown name ${name}: ${hint}`, span.start, span.end);
    }
    if (!defined.has(name)) used.set(name, value);
    return value;
  };

  // Ops throw plain Errors naming the op and the shapes; pin them to the characters that asked for it.
  const recorded = (span: Span, name: string | undefined, run: () => Tensor): Tensor => {
    let out: Tensor;
    try {
      out = run();
    } catch (error) {
      throw new ExpressionError(messageOf(error), span.start, span.end);
    }
    out.label = name ?? labelFor(span);
    return out;
  };

  // `name` labels the op that computes a statement's value (`q` in `q = x + y`).
  const evaluate = (expression: Expression, name?: string): Tensor => {
    switch (expression.kind) {
      case 'number':
        // A constant: drawn with its value as its label, no gradient wanted. Two constants typed
        // alike hold the same value, so they may share a label.
        return scalar(expression.value, { label: name ?? source.slice(expression.span.start, expression.span.end) });
      case 'name':
        return leaf(expression.name, expression.span);
      case 'negate': {
        const operand = evaluate(expression.operand);
        return recorded(expression.span, name, () => neg(operand));
      }
      case 'binary': {
        const left = evaluate(expression.left);
        const right = evaluate(expression.right);
        return recorded(expression.span, name, () => OPERATORS[expression.operator](left, right));
      }
      case 'call': {
        const fn = FUNCTIONS.get(expression.name);
        if (!fn) {
          const known = [...FUNCTIONS.keys()].join(', ');
          throw new ExpressionError(`unknown function ${expression.name}; the functions are ${known}`, expression.nameSpan.start, expression.nameSpan.end);
        }
        if (!fn.arities.includes(expression.args.length)) {
          const wanted = fn.arities.join(' or ');
          throw new ExpressionError(`${expression.name} takes ${wanted} argument(s), got ${expression.args.length}: ${fn.help}`, expression.span.start, expression.span.end);
        }
        const args = expression.args.map((arg) => evaluate(arg));
        return recorded(expression.span, name, () => fn.apply(args));
      }
    }
  };

  let output: Tensor | null = null;
  for (const statement of program.statements) {
    const name = statement.name;
    if (name && leaves.has(name.text)) {
      throw new ExpressionError(`${name.text} has a value in the values box and is defined here; rename one`, name.span.start, name.span.end);
    }
    if (name && defined.has(name.text)) {
      throw new ExpressionError(`${name.text} is defined twice; give the second one another name`, name.span.start, name.span.end);
    }
    output = evaluate(statement.expression, name?.text);
    // `a = x` names no new tensor: the drawing keeps x, and later uses of a mean x.
    if (name) defined.set(name.text, output);
  }
  return { output: output!, leaves: [...used.values()] };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
