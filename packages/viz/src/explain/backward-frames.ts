/**
 * The walk-through as pictures: one graph drawing per step of backward, the current node
 * highlighted and the gradients known so far written on the tensors, for the docs and the
 * playground to step through. The drawings are the graph helper's `toDot`; this file only
 * chooses what each frame highlights, which gradients it shows, and its caption.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { quoteDot, writeDot } from '../graph/dot.js';
import { buildDrawing } from '../graph/drawing.js';
import { formatValues } from '../graph/number-format.js';
import type { DotOptions } from '../graph/options.js';
import { renderSvg } from '../graph/render-svg.js';
import { kindOf } from '../kind-of.js';
import type { BackwardExplanation, BackwardStep } from './explain-backward.js';
import { seedText, sentText } from './explanation-table.js';
import { wrapText } from './text-table.js';

/** Options of {@link backwardFrames}: those of `toDot` (except what the frames set), and the caption. */
export interface BackwardFrameOptions extends Omit<DotOptions, 'highlight' | 'grads'> {
  /** Write each frame's caption (see {@link backwardFrameCaptions}) above its drawing (default true). */
  caption?: boolean;
}

/** Caption lines are wrapped at this many characters so a frame stays about as wide as its graph. */
const CAPTION_WIDTH = 64;

/**
 * One caption per frame: `seed: ∂f/∂f = 1` for the first, then for each step its op, node and
 * upstream gradient, the rule in words, what it sent to each input and any sum at a fork.
 * Lines are separated by `\n`.
 */
export function backwardFrameCaptions(explanation: BackwardExplanation): string[] {
  checkExplanation('backwardFrameCaptions', explanation);
  const count = explanation.steps.length;
  return [`seed: ${seedText(explanation)}`, ...explanation.steps.map((step) => stepCaption(explanation, step, count))];
}

/**
 * The walk-through as Graphviz DOT frames: the first shows only the seed, then one frame per
 * step (so `steps.length + 1` frames), each drawn by `toDot(y, { highlight, grads })` with the
 * step's node highlighted and every gradient known after that step, partial sums included, on
 * its tensor. Deterministic, like `toDot`.
 *
 * ```ts
 * const frames = backwardFrames(explainBackward(f)); // frames[1]: mul highlighted, q and z have gradients
 * ```
 * @throws when `explanation` is not the result of `explainBackward`, or an option is invalid.
 */
export function backwardFrames(explanation: BackwardExplanation, options: BackwardFrameOptions = {}): string[] {
  return framesFor('backwardFrames', explanation, options);
}

/**
 * The frames of {@link backwardFrames} rendered to SVG documents with `renderSvg` (Graphviz in
 * WebAssembly, Node and browser alike), in frame order.
 *
 * ```ts
 * const svgs = await renderBackwardFrames(explainBackward(f));
 * ```
 * @throws (rejects) like {@link backwardFrames}.
 */
export async function renderBackwardFrames(explanation: BackwardExplanation, options: BackwardFrameOptions = {}): Promise<string[]> {
  const frames = framesFor('renderBackwardFrames', explanation, options);
  const svgs: string[] = [];
  // One at a time: Graphviz is a single WebAssembly instance.
  for (const dot of frames) svgs.push(await renderSvg(dot));
  return svgs;
}

/**
 * The DOT frames of {@link backwardFrames}; `caller` is the public function the user called,
 * which every error names (the drawing's option checks would otherwise say `toDot`).
 */
function framesFor(caller: string, explanation: BackwardExplanation, options: BackwardFrameOptions): string[] {
  checkExplanation(caller, explanation);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new Error(`${caller}: options must be an object such as { caption: false, rankdir: 'TB' }, got ${kindOf(options)}`);
  }
  const { caption = true, ...drawing } = options;
  if (typeof caption !== 'boolean') throw new Error(`${caller}: caption must be true or false, got ${kindOf(caption)}`);
  const captions = backwardFrameCaptions(explanation);
  return captions.map((text, frame) => {
    const current: Tensor = frame === 0 ? explanation.y : explanation.steps[frame - 1].output;
    const dot = writeDot(buildDrawing(caller, explanation.y, { ...drawing, highlight: [current], grads: explanation.gradsAfter(frame) }));
    return caption ? withCaption(caller, dot, text) : dot;
  });
}

function stepCaption(explanation: BackwardExplanation, step: BackwardStep, count: number): string {
  const name = (x: Tensor) => explanation.nameOf(x);
  const sent = step.inputs.map((input) => sentText(explanation, input));
  const forks = step.inputs
    .filter((input) => input.summed)
    .map((input) => `fork at ${name(input.input)}: ${formatValues(input.previous!)} + ${formatValues(input.grad!)} = ${formatValues(input.total!)}`);
  return [
    `step ${step.index + 1} of ${count}: ${step.op} → ${name(step.output)}, upstream ${formatValues(step.upstream)}`,
    wrapText(step.rule.words, CAPTION_WIDTH),
    wrapText(`sends ${sent.join(', ')}`, CAPTION_WIDTH),
    ...forks.map((fork) => wrapText(fork, CAPTION_WIDTH)),
  ].join('\n');
}

/**
 * `dot` with `caption` as the graph's label at the top, in the drawing's font. toDot writes
 * `digraph tapegrad {` on its first line, so the label goes right after it.
 */
function withCaption(caller: string, dot: string, caption: string): string {
  const open = dot.indexOf('{\n');
  if (open < 0) throw new Error(`${caller}: the DOT drawing has no graph body: ${dot.slice(0, 40)}`);
  const attributes = [`label=${quoteDot(caption)}`, 'labelloc=t', 'fontname="Helvetica"', 'fontsize=12'].map((attribute) => `  ${attribute};\n`);
  return `${dot.slice(0, open + 2)}${attributes.join('')}${dot.slice(open + 2)}`;
}

function checkExplanation(caller: string, explanation: BackwardExplanation): void {
  if (typeof explanation !== 'object' || explanation === null || !Array.isArray(explanation.steps) || typeof explanation.gradsAfter !== 'function') {
    throw new Error(`${caller}: expected the result of explainBackward(y), got ${kindOf(explanation)}; call ${caller}(explainBackward(y))`);
  }
}
