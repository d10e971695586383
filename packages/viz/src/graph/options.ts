/**
 * The options every graph drawing takes, with their defaults and validation.
 * @module
 */
import { describeTensor, formatShape, sameShape, Tensor } from '@tapegrad/tensor';
import { kindOf } from '../kind-of.js';

/** How `toDot`, `toMermaid` and `renderSvg` draw a recorded graph. */
export interface DotOptions {
  /** Show the values of tensors with at most `maxValues` elements (default true). */
  showData?: boolean;
  /** Show each tensor's `.grad`, or its entry in `grads`, when it has one (default true). */
  showGrad?: boolean;
  /**
   * Draw one node per op with shapes only, instead of a node per tensor and per op.
   * `'auto'` (the default) collapses when the graph holds more than 40 tensors or any tensor
   * with more than `maxValues` elements, since then the values could not be shown anyway.
   */
  collapse?: boolean | 'auto';
  /** The most elements a tensor may have for its values to be shown (default 6). */
  maxValues?: number;
  /** Layout direction: `'LR'` (default) left to right like the course's circuit diagrams, or `'TB'` top to bottom. */
  rankdir?: 'LR' | 'TB';
  /**
   * Tensors drawn highlighted (amber, with a thicker border), together with the op nodes that
   * produced them. Each highlighted node also gets the DOT attribute `class="highlighted"`,
   * which Graphviz copies into the SVG as `<g class="node highlighted">`, so a page can find
   * the current node (`svg.querySelector('g.node.highlighted')`) or restyle it with CSS
   * without relying on the colours. `toMermaid` puts the same nodes in the class `highlighted`.
   */
  highlight?: readonly Tensor[];
  /**
   * Gradients to draw instead of each tensor's `.grad`: when given, a tensor shows the gradient
   * this map holds for it, and `grad ?` when it requires grad but the map has no gradient for it
   * (no entry, or `null`). The backward walk-through uses it to show the partial sums step by
   * step; every frame then has the same rows, so the layout stays put.
   */
  grads?: ReadonlyMap<Tensor, Tensor | null>;
  /**
   * When given, only these tensors show their values and the others show `?`: for stepping
   * through the forward pass one op at a time.
   */
  known?: ReadonlySet<Tensor>;
}

/** The default of {@link DotOptions.maxValues}, which the walk-through's table uses too. */
export const DEFAULT_MAX_VALUES = 6;

/** `DotOptions` with every default filled in. */
export interface ResolvedOptions {
  readonly showData: boolean;
  readonly showGrad: boolean;
  readonly collapse: boolean | 'auto';
  readonly maxValues: number;
  readonly rankdir: 'LR' | 'TB';
  readonly highlight: ReadonlySet<Tensor>;
  readonly grads: ReadonlyMap<Tensor, Tensor | null> | undefined;
  readonly known: ReadonlySet<Tensor> | undefined;
}

/** Fills in the defaults of `options`, throwing an error that names `caller` for a bad value. */
export function resolveOptions(caller: string, options: DotOptions = {}): ResolvedOptions {
  const { showData = true, showGrad = true, collapse = 'auto', maxValues = DEFAULT_MAX_VALUES, rankdir = 'LR' } = options;
  if (collapse !== true && collapse !== false && collapse !== 'auto') {
    throw new Error(`${caller}: collapse must be true, false or 'auto', got ${JSON.stringify(collapse)}`);
  }
  if (rankdir !== 'LR' && rankdir !== 'TB') {
    throw new Error(`${caller}: rankdir must be 'LR' or 'TB', got ${JSON.stringify(rankdir)}`);
  }
  return {
    showData: Boolean(showData),
    showGrad: Boolean(showGrad),
    collapse,
    maxValues: checkMaxValues(caller, maxValues),
    rankdir,
    highlight: new Set(checkHighlight(caller, options.highlight)),
    grads: checkGrads(caller, options.grads),
    known: checkKnown(caller, options.known),
  };
}

/** `maxValues` itself when it is a whole number >= 0; else throws an error that names `caller`. */
export function checkMaxValues(caller: string, maxValues: unknown): number {
  if (typeof maxValues !== 'number' || !Number.isInteger(maxValues) || maxValues < 0) {
    throw new Error(`${caller}: maxValues must be a whole number >= 0, got ${String(maxValues)}`);
  }
  return maxValues;
}

function checkHighlight(caller: string, highlight: unknown): readonly Tensor[] {
  if (highlight === undefined) return [];
  if (!Array.isArray(highlight) || !highlight.every((x) => x instanceof Tensor)) {
    const got = Array.isArray(highlight) ? `an array holding ${kindOf(highlight.find((x) => !(x instanceof Tensor)))}` : kindOf(highlight);
    throw new Error(`${caller}: highlight must be an array of Tensors, got ${got}; write highlight: [x] even for one tensor`);
  }
  return highlight;
}

function checkGrads(caller: string, grads: unknown): ReadonlyMap<Tensor, Tensor | null> | undefined {
  if (grads === undefined) return undefined;
  if (!(grads instanceof Map)) {
    throw new Error(`${caller}: grads must be a Map from each tensor to its gradient (or null), got ${kindOf(grads)}`);
  }
  for (const [x, grad] of grads as Map<unknown, unknown>) {
    if (!(x instanceof Tensor) || (grad !== null && !(grad instanceof Tensor))) {
      throw new Error(`${caller}: grads must map Tensors to Tensors (or null), got an entry ${kindOf(x)} → ${kindOf(grad)}`);
    }
    if (grad !== null && !sameShape(grad.shape, x.shape)) {
      throw new Error(
        `${caller}: grads gives ${describeTensor(x)} a gradient of shape ${formatShape(grad.shape)}; a gradient has its tensor's shape`,
      );
    }
  }
  return grads as ReadonlyMap<Tensor, Tensor | null>;
}

function checkKnown(caller: string, known: unknown): ReadonlySet<Tensor> | undefined {
  if (known === undefined || known instanceof Set) return known;
  throw new Error(`${caller}: known must be a Set of the tensors whose values to show, got ${kindOf(known)}; wrap it: new Set([x, y])`);
}
