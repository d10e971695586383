/**
 * Which input of an op is which: `a − b` and `b − a` have the same nodes and edges, so a drawing
 * that does not say which edge is `a` cannot be read. Drawings label the edges into such ops
 * with these names, and the backward walk-through uses the same names, which are those of each
 * op's local rule (`∂L/∂b = −∂L/∂out` for sub).
 * @module
 */

/** The inputs' names of the primitives whose inputs play different parts, in input order. */
const INPUT_ROLES: Readonly<Record<string, readonly string[]>> = {
  sub: ['a', 'b'],
  div: ['a', 'b'],
  pow: ['a', 'b'],
  where: ['cond', 'a', 'b'],
  matmul: ['A', 'B'],
  gather: ['x', 'index'],
  scatterAdd: ['base', 'index', 'src'],
  indexSelect: ['x', 'indices'],
  indexAdd: ['base', 'indices', 'src'],
  conv2d: ['x', 'W', 'b'],
  softmaxCrossEntropy: ['logits', 'labels'],
};

/** Binary ops whose rule treats both inputs alike (`a + b = b + a`): naming them would only add clutter. */
const SYMMETRIC = new Set(['add', 'mul', 'maximum', 'minimum']);

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/**
 * The name of each of the `count` inputs of `op`, as its local rule writes them: `['a', 'b']`
 * for sub, `['x₀', 'x₁', 'x₂']` for a concat of three, `['0', '1']` for a custom op; null when
 * the order does not matter (one input, or a symmetric op such as add).
 */
export function inputRoles(op: string, count: number): readonly string[] | null {
  if (count < 2 || SYMMETRIC.has(op)) return null;
  if (op === 'concat') return Array.from({ length: count }, (_, k) => `x${[...String(k)].map((digit) => SUBSCRIPTS[Number(digit)]).join('')}`);
  const known = Object.hasOwn(INPUT_ROLES, op) ? INPUT_ROLES[op] : undefined;
  // conv2d without a bias has two inputs: the first names still apply.
  if (known !== undefined && known.length >= count) return known.slice(0, count);
  return Array.from({ length: count }, (_, k) => String(k));
}
