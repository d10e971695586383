/**
 * The rule a step of the walk-through shows: its op's entry in the table of local rules, made
 * exact for the node at hand where the op's attributes change the formula (a matmul recorded
 * by `linear` reads its weight transposed), or a note for a custom op that has no entry.
 * @module
 */
import type { TapeNode } from '@tapegrad/tensor';
import { LOCAL_RULES, type LocalRule } from './local-rules.js';

/**
 * The primitive's transpose flags give four forward formulas; each has its own pair of
 * gradients (`G` standing for `∂L/∂out`), derived from `∂L/∂op(A) = G·op(B)ᵀ` and
 * `∂L/∂op(B) = op(A)ᵀ·G`.
 */
const MATMUL_SYMBOLS: Readonly<Record<string, string>> = {
  'false,false': 'out = A·B: ∂L/∂A = ∂L/∂out · Bᵀ, ∂L/∂B = Aᵀ · ∂L/∂out',
  'false,true': 'out = A·Bᵀ: ∂L/∂A = ∂L/∂out · B, ∂L/∂B = ∂L/∂outᵀ · A',
  'true,false': 'out = Aᵀ·B: ∂L/∂A = B · ∂L/∂outᵀ, ∂L/∂B = A · ∂L/∂out',
  'true,true': 'out = Aᵀ·Bᵀ: ∂L/∂A = Bᵀ · ∂L/∂outᵀ, ∂L/∂B = ∂L/∂outᵀ · Aᵀ',
};

/** The rule shown for the step that runs `node`'s backward. */
export function ruleForStep(node: TapeNode): LocalRule {
  const op = node.op.name;
  if (!Object.hasOwn(LOCAL_RULES, op)) {
    // defineOp is public: a custom op's numbers come from its own backward, which we cannot describe.
    return { words: `${op}: its own backward rule (a custom op, no description)`, symbols: `∂L/∂inputs = ${op}.backward(∂L/∂out)` };
  }
  const rule = LOCAL_RULES[op];
  if (op !== 'matmul') return rule;
  const { transA = false, transB = false } = (node.attrs ?? {}) as { transA?: boolean; transB?: boolean };
  return { words: rule.words, symbols: MATMUL_SYMBOLS[`${Boolean(transA)},${Boolean(transB)}`] };
}
