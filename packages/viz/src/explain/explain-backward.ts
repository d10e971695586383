/**
 * The backward pass, one step at a time: `explainBackward(y)` walks the tape behind `y` in the
 * order `y.backward()` does (newest node first), runs each node's own backward rule, and keeps
 * what a learner wants to see at each step: the upstream gradient, the local rule, what each
 * input receives, and where two gradients met at a fork and were added.
 * @module
 */
import {
  backwardThroughNode, describeTensor, formatShape, full, noGrad, onesLike, sameShape, tape, Tensor, type TapeListing, type TapeNode,
} from '@tapegrad/tensor';
import { inputRoles } from '../graph/input-roles.js';
import { kindOf } from '../kind-of.js';
import { tensorName } from '../graph/tensor-name.js';
import { formatExplanation } from './explanation-table.js';
import type { LocalRule } from './local-rules.js';
import { ruleForStep } from './step-rule.js';

/** What one step sent to one input of its op. */
export interface InputGradient {
  /** The input's position among the op's inputs. */
  readonly index: number;
  /** The input tensor. */
  readonly input: Tensor;
  /**
   * The input's name in the op's rule (`a` and `b` of sub, `index` of gather), the name its edge
   * carries in the drawings; null where the inputs play the same part (add, mul) or there is one.
   */
  readonly role: string | null;
  /**
   * The gradient this op sends to the input (its contribution), in the input's shape; null when
   * the input needs none (a constant, an int index, a tensor without `requiresGrad`).
   */
  readonly grad: Tensor | null;
  /** The input's gradient summed over the consumers walked before this step; null if this is the first. */
  readonly previous: Tensor | null;
  /** The input's running sum after this step: `previous + grad` (unchanged when `grad` is null). */
  readonly total: Tensor | null;
  /**
   * True where the input is used more than once (a fork) and this step added its contribution
   * to an earlier one: the notes' "gradients add up at forks".
   */
  readonly summed: boolean;
}

/** One node of the tape, as backward processes it. */
export interface BackwardStep {
  /** The step's position, 0 for the first one backward runs (the newest node). */
  readonly index: number;
  /** The recorded node. */
  readonly node: TapeNode;
  /** The tensor the node produced. */
  readonly output: Tensor;
  /** The op's name (`'mul'`, `'sigmoid'` …). */
  readonly op: string;
  /** The gradient of `output`: the sum of what all its consumers sent (the seed for `y` itself). */
  readonly upstream: Tensor;
  /**
   * The op's local gradient rule, in words and symbols: `localRule(op)`, except that a
   * broadcasting op's "(summed over broadcast axes)" is left out where no input that gets a
   * gradient was broadcast at this step.
   */
  readonly rule: LocalRule;
  /** What the op sent to each of its inputs, in input order. */
  readonly inputs: readonly InputGradient[];
}

/** The whole walk-through of one backward pass. */
export interface BackwardExplanation {
  /** The tensor backpropagated from. */
  readonly y: Tensor;
  /** Its gradient, ∂y/∂y = 1 for a scalar, or the `grad` option. */
  readonly seed: Tensor;
  /** The steps in the order backward runs them, newest node first. */
  readonly steps: readonly BackwardStep[];
  /** Every tensor of the graph (leaves, constants and node outputs) in `tape(y)` listing order. */
  readonly tensors: readonly Tensor[];
  /**
   * The final gradient of each leaf that requires grad and was reached: what `y.backward()` with
   * the same seed adds to its `.grad`.
   */
  readonly leafGrads: ReadonlyMap<Tensor, Tensor>;
  /** The final gradient of any tensor of the graph (leaf or intermediate); null where none arrives. */
  gradOf(x: Tensor): Tensor | null;
  /**
   * The gradients known after the first `stepCount` steps (0: only the seed), with null for the
   * tensors nothing has reached yet: partial sums, as the walk-through frames draw them.
   */
  gradsAfter(stepCount: number): ReadonlyMap<Tensor, Tensor | null>;
  /** How the walk-through names `x`: its label, else `%n` as in the `tape(y)` listing. */
  nameOf(x: Tensor): string;
  /** The steps as a table for the terminal: step, node, op, upstream, rule, downstream, fork sums. */
  toString(): string;
}

/** Options of {@link explainBackward}. */
export interface ExplainBackwardOptions {
  /**
   * The upstream gradient of `y`, of `y`'s shape (a number fills that shape), as the seed of
   * `y.backward(seed)`; required when `y` is not a scalar.
   */
  readonly grad?: Tensor | number;
}

/**
 * Explains the backward pass from `y` step by step, in the order `y.backward()` runs it. Each
 * step runs the node's backward through the very function `y.backward()` runs at each node
 * (inputs that need no gradient skipped, the same checks), under `noGrad`, so the numbers are
 * the real ones.
 *
 * It changes nothing: no `.grad` is written (not even on leaves), the graph is not freed, and
 * nothing is recorded, so `y.backward()` can run afterwards and gives the same leaf gradients as
 * `leafGrads`. Gradients are those of this one pass; `.grad` left by an earlier backward is
 * neither read nor added to.
 *
 * ```ts
 * const x = tensor(-2, { requiresGrad: true, label: 'x' });
 * const y = tensor(5, { requiresGrad: true, label: 'y' });
 * const z = tensor(-4, { requiresGrad: true, label: 'z' });
 * const f = x.add(y).mul(z);
 * console.log(explainBackward(f).toString()); // mul first (upstream 1), then add (upstream -4)
 * ```
 *
 * @throws when `y` does not require grad, when `y` is not a scalar and no `grad` is given, when
 * `grad` has the wrong shape, when the graph was freed by an earlier backward, and at the step
 * where `y.backward()` would throw (a saved value modified in place since the forward pass, a
 * non-finite gradient inside `detectAnomaly`), naming that step.
 */
export function explainBackward(y: Tensor, options: ExplainBackwardOptions = {}): BackwardExplanation {
  if (!(y instanceof Tensor)) {
    throw new Error(`explainBackward: expected a Tensor, got ${kindOf(y)}; pass the tensor to backpropagate from`);
  }
  if (!y.requiresGrad) {
    throw new Error(
      `explainBackward: ${describeTensor(y)} does not require grad — none of the tensors it was computed from has requiresGrad: true, ` +
        `so there is no backward pass to explain. Create the leaves with { requiresGrad: true }.`,
    );
  }
  const seed = seedOf(y, options.grad);
  const listing = listingOf(y);
  return noGrad(() => new Explanation(y, seed, listing));
}

/** The gradient backward starts from, checked and converted as `y.backward(seed)` does. */
function seedOf(y: Tensor, grad: Tensor | number | undefined): Tensor {
  if (grad === undefined) {
    if (y.size !== 1) {
      throw new Error(
        `explainBackward: ${describeTensor(y)} has ${y.size} elements; without { grad } it needs a scalar (e.g. a loss). ` +
          `Reduce it first (y.sum()) or pass the upstream gradient: explainBackward(y, { grad }) with grad of shape ${formatShape(y.shape)}`,
      );
    }
    return onesLike(y);
  }
  if (typeof grad === 'number') return full(y.shape, grad, { dtype: y.dtype });
  if (!(grad instanceof Tensor)) {
    throw new Error(
      `explainBackward: grad must be a Tensor of shape ${formatShape(y.shape)} or a number, got ` +
        `${Array.isArray(grad) ? 'a plain array (wrap it with tensor(...))' : kindOf(grad)}`,
    );
  }
  if (!sameShape(grad.shape, y.shape)) {
    throw new Error(`explainBackward: grad of shape ${formatShape(grad.shape)} does not match ${describeTensor(y)}; it must have the same shape`);
  }
  return grad.dtype === y.dtype ? grad : noGrad(() => grad.astype(y.dtype));
}

function listingOf(y: Tensor): TapeListing {
  try {
    return tape(y);
  } catch (cause) {
    throw new Error(
      `explainBackward: the graph behind ${describeTensor(y)} was freed by an earlier backward. ` +
        `Call explainBackward(y) before y.backward(), or keep the graph with y.backward({ retainGraph: true }).`,
      { cause },
    );
  }
}

/** The walk itself, run once in the constructor; the object then only answers questions about it. */
class Explanation implements BackwardExplanation {
  readonly steps: BackwardStep[] = [];
  readonly tensors: readonly Tensor[];
  readonly leafGrads = new Map<Tensor, Tensor>();
  /** The final gradient of every tensor reached. */
  readonly #totals = new Map<Tensor, Tensor>();
  readonly #names = new Map<Tensor, string>();

  constructor(
    readonly y: Tensor,
    readonly seed: Tensor,
    listing: TapeListing,
  ) {
    this.tensors = listing.entries.map((entry) => entry.tensor);
    for (const entry of listing.entries) this.#names.set(entry.tensor, tensorName(entry));
    this.#totals.set(y, seed);
    // Newest first, as the tape's backward walks; a node's gradient is complete when it is
    // reached, because every consumer of its output was recorded after it.
    for (let i = listing.nodes.length - 1; i >= 0; i--) this.#explain(listing.nodes[i]);
    for (const x of this.tensors) {
      const total = this.#totals.get(x);
      if (x.node === null && x.requiresGrad && total !== undefined) this.leafGrads.set(x, total);
    }
  }

  #explain(node: TapeNode): void {
    const upstream = this.#totals.get(node.output);
    // Backward skips a node no gradient reached (its consumers' rules sent none), and so do we.
    if (upstream === undefined) return;
    const inputs = node.inputs!;
    const sent = this.#runRule(node, upstream);
    const roles = inputRoles(node.op.name, inputs.length);
    const received = inputs.map((input, index): InputGradient => {
      const grad = sent[index];
      const role = roles?.[index] ?? null;
      const previous = this.#totals.get(input) ?? null;
      if (grad === null) return { index, input, role, grad, previous, total: previous, summed: false };
      // previous + grad, in this order, as backward's running sums add.
      const total = previous === null ? grad : previous.add(grad);
      this.#totals.set(input, total);
      return { index, input, role, grad, previous, total, summed: previous !== null };
    });
    const op = node.op.name;
    this.steps.push({ index: this.steps.length, node, output: node.output, op, upstream, rule: ruleForStep(node, sent.map((grad) => grad !== null)), inputs: received });
  }

  /**
   * The node's rule, run by the very step backward runs (with its checks: values written in
   * place since the forward pass, gradient shapes and dtypes, `detectAnomaly`), so the walk-through
   * refuses exactly what backward refuses; the error says which step it was.
   */
  #runRule(node: TapeNode, upstream: Tensor): (Tensor | null)[] {
    const sent = new Array<Tensor | null>(node.inputs!.length).fill(null);
    try {
      backwardThroughNode(node, upstream, (_input, grad, index) => {
        sent[index] = grad;
      });
      return sent;
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new Error(`explainBackward: step ${this.steps.length + 1} (${node.op.name} → ${this.nameOf(node.output)}) fails as y.backward() would: ${message}`, {
        cause,
      });
    }
  }

  gradOf(x: Tensor): Tensor | null {
    return this.#totals.get(x) ?? null;
  }

  gradsAfter(stepCount: number): ReadonlyMap<Tensor, Tensor | null> {
    if (!Number.isInteger(stepCount) || stepCount < 0 || stepCount > this.steps.length) {
      throw new Error(`gradsAfter: stepCount must be an integer from 0 to ${this.steps.length} (the number of steps), got ${stepCount}`);
    }
    const known = new Map<Tensor, Tensor | null>(this.tensors.map((x) => [x, null]));
    known.set(this.y, this.seed);
    for (const step of this.steps.slice(0, stepCount)) {
      for (const input of step.inputs) if (input.grad !== null) known.set(input.input, input.total);
    }
    return known;
  }

  nameOf(x: Tensor): string {
    const name = this.#names.get(x);
    if (name === undefined) throw new Error(`nameOf: ${describeTensor(x)} is not part of the graph behind ${describeTensor(this.y)}`);
    return name;
  }

  toString(): string {
    return formatExplanation(this);
  }
}
