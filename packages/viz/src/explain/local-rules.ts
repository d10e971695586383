/**
 * The local gradient rule of every primitive op, in words and in symbols: what a learner reads
 * next to each step of the backward walk-through. The words follow the course notes ("add
 * distributes, max routes, mul swaps"); the symbols write the same rule with `∂L/∂out` for the
 * upstream gradient. Each entry describes what the op's `backward` in `@tapegrad/tensor` computes,
 * including its edge cases (ties, kinks, inputs that get no gradient).
 * @module
 */
import { getOp, listOps } from '@tapegrad/tensor';

/** One op's local gradient rule: a sentence for reading, and the formula. */
export interface LocalRule {
  /** The rule in words, starting with the op's name: `"mul swaps: each input gets …"`. */
  readonly words: string;
  /** The rule as formulas, `∂L/∂out` standing for the upstream gradient. */
  readonly symbols: string;
}

/**
 * Appended to the rules of ops that broadcast their operands. The walk-through leaves it out at
 * a step where no input that gets a gradient was broadcast (see `ruleForStep`).
 */
export const BROADCAST_NOTE = '(summed over broadcast axes)';

/** matmul's version of {@link BROADCAST_NOTE}: only its batch axes broadcast. */
export const BATCH_BROADCAST_NOTE = '(summed over broadcast batch axes)';

/**
 * The table, one entry per primitive registered by `@tapegrad/tensor`. A test checks it against
 * `listOps()`, so a primitive added there without a rule here fails the build.
 */
export const LOCAL_RULES: Readonly<Record<string, LocalRule>> = {
  // Copies and shape changes: the gradient passes through, put back into the input's form.
  astype: {
    words: "astype passes through: the input gets the upstream gradient converted back to its float dtype (an int input gets none)",
    symbols: '∂L/∂x = astype(∂L/∂out, x.dtype)',
  },
  clone: {
    words: 'clone passes through: the input gets the upstream gradient unchanged',
    symbols: '∂L/∂x = ∂L/∂out',
  },
  reshape: {
    words: "reshape passes through: the input gets the upstream gradient reshaped back to the input's shape",
    symbols: '∂L/∂x = reshape(∂L/∂out, x.shape)',
  },
  permute: {
    words: 'permute passes through: the input gets the upstream gradient with its axes put back (the inverse permutation)',
    symbols: '∂L/∂x = permute(∂L/∂out, dims⁻¹)',
  },
  broadcastTo: {
    words: "broadcastTo sums back: the input gets the upstream gradient summed over the axes it was broadcast along",
    symbols: '∂L/∂x = sumTo(∂L/∂out, x.shape)',
  },
  slice: {
    words: 'slice: the input gets the upstream gradient in the sliced region and 0 everywhere else',
    symbols: '∂L/∂x = pad(∂L/∂out, zeros outside the slice)',
  },
  pad: {
    words: "pad: the input gets its own region of the upstream gradient; the padding's gradient is dropped",
    symbols: '∂L/∂x = ∂L/∂out[region of x]',
  },
  concat: {
    words: 'concat splits: each input gets its own slice of the upstream gradient along the axis',
    symbols: '∂L/∂xₖ = ∂L/∂out[the part of xₖ along axis]',
  },

  // Elementwise binary ops: the notes' gates.
  add: {
    words: `add distributes: each input gets the upstream gradient ${BROADCAST_NOTE}`,
    symbols: '∂L/∂a = ∂L/∂out, ∂L/∂b = ∂L/∂out',
  },
  sub: {
    words: `sub distributes with a sign: a gets the upstream gradient, b gets its negative ${BROADCAST_NOTE}`,
    symbols: '∂L/∂a = ∂L/∂out, ∂L/∂b = −∂L/∂out',
  },
  mul: {
    words: `mul swaps: each input gets the upstream times the other input ${BROADCAST_NOTE}`,
    symbols: '∂L/∂a = ∂L/∂out · b, ∂L/∂b = ∂L/∂out · a',
  },
  div: {
    words: `div: a gets the upstream divided by b, b gets minus the upstream times a/b² ${BROADCAST_NOTE}`,
    symbols: '∂L/∂a = ∂L/∂out / b, ∂L/∂b = −∂L/∂out · a / b²',
  },
  pow: {
    words: `pow: the base gets the upstream times b·aᵇ⁻¹ (0 where b = 0), the exponent the upstream times aᵇ·ln a (0 where a = 0 and b ≥ 0) ${BROADCAST_NOTE}`,
    symbols: '∂L/∂a = ∂L/∂out · b·aᵇ⁻¹, ∂L/∂b = ∂L/∂out · aᵇ·ln a',
  },
  maximum: {
    words: `max routes: the gradient goes to the larger input only (half to each on a tie) ${BROADCAST_NOTE}`,
    symbols: '∂L/∂a = ∂L/∂out · ([a > b] + ½[a = b]), ∂L/∂b = ∂L/∂out · ([b > a] + ½[a = b])',
  },
  minimum: {
    words: `min routes: the gradient goes to the smaller input only (half to each on a tie) ${BROADCAST_NOTE}`,
    symbols: '∂L/∂a = ∂L/∂out · ([a < b] + ½[a = b]), ∂L/∂b = ∂L/∂out · ([b < a] + ½[a = b])',
  },
  where: {
    words: `where routes: the gradient goes to a where the condition holds and to b elsewhere; the condition gets none ${BROADCAST_NOTE}`,
    symbols: '∂L/∂a = ∂L/∂out · [cond], ∂L/∂b = ∂L/∂out · [not cond]',
  },

  // Elementwise unary ops: the upstream gradient times the derivative.
  neg: {
    words: 'neg flips the sign of the upstream gradient',
    symbols: '∂L/∂x = −∂L/∂out',
  },
  exp: {
    words: "exp: the upstream times the output, since exp' = exp",
    symbols: '∂L/∂x = ∂L/∂out · eˣ',
  },
  log: {
    words: "log: the upstream divided by the input, since log' = 1/x",
    symbols: '∂L/∂x = ∂L/∂out / x',
  },
  sqrt: {
    words: 'sqrt: the upstream divided by twice the output',
    symbols: '∂L/∂x = ∂L/∂out / (2√x)',
  },
  abs: {
    words: 'abs: the upstream times the sign of the input (0 at 0)',
    symbols: '∂L/∂x = ∂L/∂out · sign(x)',
  },
  tanh: {
    words: 'tanh: the upstream times 1 − tanh², read from the output',
    symbols: '∂L/∂x = ∂L/∂out · (1 − tanh²(x))',
  },
  sigmoid: {
    words: 'sigmoid: the upstream times σ(x)(1−σ(x)), read from the output',
    symbols: '∂L/∂x = ∂L/∂out · σ(x)(1−σ(x))',
  },
  relu: {
    words: 'relu gates: the gradient passes where the input is positive and is 0 elsewhere (0 at 0)',
    symbols: '∂L/∂x = ∂L/∂out · [x > 0]',
  },
  leakyRelu: {
    words: 'leakyRelu gates: the gradient passes where the input is positive and is scaled by the slope elsewhere',
    symbols: '∂L/∂x = ∂L/∂out · (x > 0 ? 1 : slope)',
  },
  clamp: {
    words: 'clamp gates: the gradient passes where the input lies in [min, max] (bounds included) and is 0 outside',
    symbols: '∂L/∂x = ∂L/∂out · [min ≤ x ≤ max]',
  },

  // Reductions.
  sum: {
    words: 'sum distributes: every summed element gets the upstream gradient (copied back over the reduced axes)',
    symbols: '∂L/∂xᵢ = ∂L/∂out',
  },
  max: {
    words: 'max routes: the gradient goes to the largest element only (shared equally among ties)',
    symbols: '∂L/∂xᵢ = ∂L/∂out · [xᵢ = max] / #ties',
  },
  min: {
    words: 'min routes: the gradient goes to the smallest element only (shared equally among ties)',
    symbols: '∂L/∂xᵢ = ∂L/∂out · [xᵢ = min] / #ties',
  },
  logsumexp: {
    words: 'logsumexp: each element gets the upstream times its softmax weight',
    symbols: '∂L/∂x = ∂L/∂out · softmax(x) = ∂L/∂out · exp(x − out)',
  },

  // Fused ops.
  matmul: {
    words: `matmul: each operand gets the upstream multiplied by the other operand, transposed ${BATCH_BROADCAST_NOTE}`,
    symbols: '∂L/∂A = ∂L/∂out · Bᵀ, ∂L/∂B = Aᵀ · ∂L/∂out',
  },
  softmax: {
    words: 'softmax: the output times the upstream minus its output-weighted sum along the axis',
    symbols: '∂L/∂x = y ⊙ (∂L/∂out − Σⱼ ∂L/∂outⱼ·yⱼ), y = softmax(x)',
  },
  logSoftmax: {
    words: 'logSoftmax: the upstream minus the softmax times the upstream summed along the axis',
    symbols: '∂L/∂x = ∂L/∂out − softmax(x) · Σⱼ ∂L/∂outⱼ',
  },
  softmaxCrossEntropy: {
    words:
      "softmaxCrossEntropy: each row's logits get (softmax − onehot) times that row's upstream gradient (1/N after a mean over N rows); the labels get none",
    symbols: '∂L/∂logits = (softmax(logits) − onehot(labels)) · ∂L/∂loss[:, None]',
  },

  // Indexing: each gradient goes back to where its value was read from.
  gather: {
    words: 'gather routes back: each gathered gradient is added to the element it was read from; the index gets none',
    symbols: '∂L/∂x = scatterAdd(zeros, index, ∂L/∂out)',
  },
  scatterAdd: {
    words: 'scatterAdd: the base gets the upstream gradient unchanged, the source gets it gathered at the index; the index gets none',
    symbols: '∂L/∂base = ∂L/∂out, ∂L/∂src = gather(∂L/∂out, index)',
  },
  indexSelect: {
    words: 'indexSelect routes back: each selected slice adds its gradient to the slice it was copied from (selected twice: both)',
    symbols: '∂L/∂x = indexAdd(zeros, indices, ∂L/∂out)',
  },
  indexAdd: {
    words: 'indexAdd: the base gets the upstream gradient unchanged, the source gets the slices selected at the indices; the indices get none',
    symbols: '∂L/∂base = ∂L/∂out, ∂L/∂src = indexSelect(∂L/∂out, indices)',
  },

  // Convolution and pooling.
  im2col: {
    words: 'im2col: the upstream columns are folded back into the image, overlapping windows added (col2im)',
    symbols: '∂L/∂x = col2im(∂L/∂out)',
  },
  col2im: {
    words: 'col2im: the upstream image is unfolded into columns (im2col)',
    symbols: '∂L/∂cols = im2col(∂L/∂out)',
  },
  conv2d: {
    words:
      'conv2d: the input gets the weights applied backwards to the upstream, the weights get the upstream times the input patches summed over the batch, the bias the upstream summed over batch and positions',
    symbols: '∂L/∂x = col2im(Wᵀ · G), ∂L/∂W = Σₙ G · im2col(x)ᵀ, ∂L/∂b = Σ G, G = ∂L/∂out',
  },
  maxPool2d: {
    words: "maxPool2d routes: each window's gradient goes to its first maximum only; an element that is the maximum of several overlapping windows gets their sum",
    symbols: '∂L/∂xᵢ = Σ over windows w of ∂L/∂out(w) · [i = first argmax of w]',
  },
};

/**
 * The local gradient rule of a primitive op, in words and in symbols, as the backward
 * walk-through prints it next to each step. Every primitive registered by `@tapegrad/tensor` has
 * one; a composite (`mean`, `linear` …) never appears on the tape, so it has none.
 *
 * ```ts
 * localRule('mul');
 * // { words: 'mul swaps: each input gets the upstream times the other input (summed over broadcast axes)',
 * //   symbols: '∂L/∂a = ∂L/∂out · b, ∂L/∂b = ∂L/∂out · a' }
 * ```
 *
 * @throws naming the op when it is a composite, a custom op, or no op at all.
 */
export function localRule(opName: string): LocalRule {
  const rule = Object.hasOwn(LOCAL_RULES, opName) ? LOCAL_RULES[opName] : undefined;
  if (rule !== undefined) return rule;
  const op = getOp(opName);
  if (op?.kind === 'composite') {
    throw new Error(
      `localRule: '${opName}' is a composite op; it never appears on the tape, the primitives it is built from carry the rules. ` +
        `Look at tape(y) for the ops that actually ran.`,
    );
  }
  if (op !== undefined) {
    throw new Error(
      `localRule: '${opName}' is a primitive without a described rule (a custom op from defineOp, or one added to @tapegrad/tensor ` +
        `without an entry in LOCAL_RULES); its own backward still runs. Add its rule to packages/viz/src/explain/local-rules.ts.`,
    );
  }
  throw new Error(`localRule: no op is named '${opName}'; the primitives are ${primitiveNames().join(', ')}`);
}

function primitiveNames(): string[] {
  return listOps()
    .filter((op) => op.kind !== 'composite')
    .map((op) => op.name);
}
