/**
 * The walk-through as a list of frames: the inputs, then one frame per forward step (values
 * appear node by node), then the seed and one frame per backward step (gradients appear node by
 * node). Each frame is a drawing (DOT) and the panel's text; the stepper only moves an index.
 */
import { formatShape, tape, type Tensor } from '@tapegrad/tensor';
import { backwardFrames, explainBackward, formatValues, toDot } from '@tapegrad/viz';
import { describeBackward, describeSeed } from './describe-backward.js';
import { describeForward } from './describe-forward.js';

/** Which part of the walk-through a frame belongs to. */
export type Phase = 'inputs' | 'forward' | 'backward';

/** One picture of the walk-through. */
export interface Frame {
  readonly phase: Phase;
  /** 1-based step within its phase (the backward seed is step 0). */
  readonly step: number;
  /** The panel's heading, e.g. "forward step 1 of 2: add". */
  readonly title: string;
  /** The panel's text. */
  readonly lines: readonly string[];
  /** The drawing, as Graphviz DOT. */
  readonly dot: string;
  /** The values known at this frame, by name: in the drawing, and in the panel when the drawing is collapsed (the test and curious learners read them). */
  readonly values: Readonly<Record<string, string>>;
  /** The gradients known at this frame, by name. */
  readonly grads: Readonly<Record<string, string>>;
}

/** The frames, and why backward cannot be stepped when it cannot. */
export interface Walkthrough {
  readonly frames: readonly Frame[];
  readonly forwardSteps: number;
  readonly backwardSteps: number;
  /** Set when the output cannot be differentiated (not a scalar, or no input requires grad). */
  readonly backwardUnavailable: string | null;
}

/** Builds every frame of the walk-through of `y`'s graph. */
export function buildWalkthrough(y: Tensor): Walkthrough {
  const listing = tape(y);
  const names = new Map(listing.entries.map((entry) => [entry.tensor, entry.tensor.label || `%${entry.id}`]));
  const nameOf = (x: Tensor) => names.get(x) ?? '?';
  const inputs = listing.entries.filter((entry) => entry.node === null).map((entry) => entry.tensor);
  const known = new Set<Tensor>(inputs);
  const valuesOf = () => Object.fromEntries([...known].map((x) => [nameOf(x), formatValues(x)]));

  const inputsDot = toDot(y, { known, showGrad: false });
  // viz draws a large graph (many tensors, or one too big to print) as one box per op with
  // shapes only; the learner should know the numbers are still here, in the panel.
  const collapsed = inputsDot === toDot(y, { known, showGrad: false, collapse: true });
  const frames: Frame[] = [
    {
      phase: 'inputs',
      step: 0,
      title: 'the inputs',
      lines: [
        inputs.map((x) => `${nameOf(x)} = ${formatValues(x)}`).join(', '),
        listing.nodes.length === 0 ? 'the output is an input: there is nothing to compute' : 'step forward to compute one node at a time',
        ...(collapsed ? ['the graph is large, so the drawing shows one box per op with its shape; the numbers are in this panel'] : []),
      ],
      dot: inputsDot,
      values: valuesOf(),
      grads: {},
    },
  ];
  listing.nodes.forEach((node, i) => {
    known.add(node.output);
    frames.push({
      phase: 'forward',
      step: i + 1,
      title: `forward step ${i + 1} of ${listing.nodes.length}: ${node.op.name}`,
      lines: describeForward(node, nameOf),
      dot: toDot(y, { known, highlight: [node.output], showGrad: false }),
      values: valuesOf(),
      grads: {},
    });
  });
  const forwardSteps = listing.nodes.length;

  const backwardUnavailable = whyNoBackward(y, nameOf(y));
  if (backwardUnavailable !== null) return { frames, forwardSteps, backwardSteps: 0, backwardUnavailable };
  const explanation = explainBackward(y);
  // One drawing per backward frame (the seed, then each step), the node being processed
  // highlighted and the gradients known so far, partial sums included, on the tensors.
  const drawings = backwardFrames(explanation, { caption: false });
  const values = valuesOf();
  drawings.forEach((dot, i) => {
    const step = explanation.steps[i - 1];
    const grads = [...explanation.gradsAfter(i)].filter((entry): entry is [Tensor, Tensor] => entry[1] !== null);
    frames.push({
      phase: 'backward',
      step: i,
      title: step ? `backward step ${i} of ${explanation.steps.length}: ${step.op}` : 'backward: the seed',
      lines: step ? describeBackward(explanation, step) : describeSeed(explanation),
      dot,
      values,
      grads: Object.fromEntries(grads.map(([x, grad]) => [nameOf(x), formatValues(grad)])),
    });
  });
  return { frames, forwardSteps, backwardSteps: explanation.steps.length, backwardUnavailable: null };
}

/** Why backward cannot start from `y`, in the learner's terms; null when it can. */
function whyNoBackward(y: Tensor, name: string): string | null {
  if (!y.requiresGrad) return `${name} does not depend on any value from the values box, so it has no gradient to step through`;
  if (y.size !== 1) return `${name} has shape ${formatShape(y.shape)}; backward starts from one number: wrap it in sum(…) or mean(…)`;
  return null;
}
