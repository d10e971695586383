/**
 * The rule a step of the walk-through shows: its op's entry in the table of local rules, made
 * exact for the node at hand where the op's attributes change the formula (a matmul recorded
 * by `linear` reads its weight transposed) and where no input was broadcast (the table's
 * "summed over broadcast axes" would then describe a sum that did not happen), or a note for a
 * custom op that has no entry.
 * @module
 */
import { sameShape, type TapeNode } from '@tapegrad/tensor';
import { BATCH_BROADCAST_NOTE, BROADCAST_NOTE, LOCAL_RULES, type LocalRule } from './local-rules.js';

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

/**
 * The rule shown for the step that runs `node`'s backward; `getsGrad[i]` says whether input `i`
 * received a gradient at that step (a constant or an int index gets none, and its broadcasting
 * is summed nowhere).
 */
export function ruleForStep(node: TapeNode, getsGrad: readonly boolean[]): LocalRule {
  const op = node.op.name;
  if (!Object.hasOwn(LOCAL_RULES, op)) {
    // defineOp is public: a custom op's numbers come from its own backward, which we cannot describe.
    return { words: `${op}: its own backward rule (a custom op, no description)`, symbols: `∂L/∂inputs = ${op}.backward(∂L/∂out)` };
  }
  const rule = LOCAL_RULES[op];
  const broadcast = wasBroadcast(node, getsGrad);
  if (op !== 'matmul') return broadcast ? rule : { words: withoutNote(rule.words, BROADCAST_NOTE), symbols: rule.symbols };
  const { transA = false, transB = false } = (node.attrs ?? {}) as { transA?: boolean; transB?: boolean };
  return {
    words: broadcast ? rule.words : withoutNote(rule.words, BATCH_BROADCAST_NOTE),
    symbols: MATMUL_SYMBOLS[`${Boolean(transA)},${Boolean(transB)}`],
  };
}

/**
 * Whether an input that gets a gradient has a shape other than the output's, so its backward
 * sums the gradient over the axes it was broadcast along. For matmul only the batch axes (all
 * but the last two) broadcast; its primitive always has operands of at least two axes.
 */
function wasBroadcast(node: TapeNode, getsGrad: readonly boolean[]): boolean {
  const outShape = node.output.shape;
  const batchOnly = node.op.name === 'matmul';
  const broadcastPart = (shape: readonly number[]) => (batchOnly ? shape.slice(0, -2) : shape);
  return (node.inputs ?? []).some((input, i) => getsGrad[i] && !sameShape(broadcastPart(input.shape), broadcastPart(outShape)));
}

/** `words` without the trailing `note` (and the space before it); unchanged when it has none. */
function withoutNote(words: string, note: string): string {
  return words.endsWith(` ${note}`) ? words.slice(0, -(note.length + 1)) : words;
}
