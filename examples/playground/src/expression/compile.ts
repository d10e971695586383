/**
 * From the two boxes the learner types to a recorded graph, or to an error that points at a
 * character: the one entry the page calls.
 */
import { buildGraph, type BuiltGraph } from './build-graph.js';
import { ExpressionError } from './expression-error.js';
import { parseProgram } from './parse.js';
import { makeLeaves, parseValues } from './values.js';

/** Which box an error is in. */
export type Box = 'expression' | 'values';

/** The graph, or the first mistake with the box it is in and a caret picture of where. */
export type CompileResult =
  | ({ readonly ok: true } & BuiltGraph)
  | { readonly ok: false; readonly box: Box; readonly error: ExpressionError; readonly pointer: string };

/** Parses both boxes and records the graph; never throws for a mistake in the text. */
export function compile(expression: string, values: string): CompileResult {
  let box: Box = 'values';
  try {
    const leaves = makeLeaves(parseValues(values));
    box = 'expression';
    const graph = buildGraph(expression, parseProgram(expression), leaves);
    return { ok: true, ...graph };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error; // a bug in the playground, not in the text
    return { ok: false, box, error, pointer: error.pointAt(box === 'values' ? values : expression) };
  }
}
