/**
 * What a graph drawing shows, independent of the output format: the nodes (one per tensor and
 * one per op, or one per op when collapsed), their text and style, and the edges. `toDot` and
 * `toMermaid` only spell this out in their syntax, so both always show the same thing.
 * @module
 */
import { formatShape, tape, Tensor, type TapeEntry } from '@tapegrad/tensor';
import { kindOf } from '../kind-of.js';
import { shouldCollapse } from './collapse-rule.js';
import { checkGraphNotFreed } from './freed-graph.js';
import { formatElements } from './number-format.js';
import { inputRoles } from './input-roles.js';
import { formatAttrs } from './op-attributes.js';
import { resolveOptions, type DotOptions, type ResolvedOptions } from './options.js';
import { tensorName } from './tensor-name.js';
import { writtenSinceRecorded } from './written-in-place.js';

/**
 * What a tensor is to the learner: a `parameter` (a leaf that requires grad, which backward
 * fills), a `constant` (a leaf that does not) or a `result` of an op.
 */
export type TensorRole = 'parameter' | 'constant' | 'result';

/** A tensor's node: its name and shape, with values and gradient when shown. */
export interface TensorVertex {
  readonly type: 'tensor';
  /** Node id: `t` and the tensor's place on the tape (`t3` for `%3`), stable across runs. */
  readonly id: string;
  /** The tensor's label, or `%n` from the tape listing. */
  readonly name: string;
  /** `[2,3]`; empty for a scalar whose value is shown: that says it all. */
  readonly shape: string;
  /** The dtype when it is not float64 (the default, shown nowhere). */
  readonly dtype: string;
  readonly role: TensorRole;
  /**
   * The values, `?` when `known` leaves them out, null when not shown; followed by
   * `(changed in place since)` when the tensor was written in place after the graph used it.
   */
  readonly data: string | null;
  /** The gradient's values, its shape when too large, `?` when `grads` has none yet; null when not shown. */
  readonly grad: string | null;
  readonly highlighted: boolean;
}

/** An op's node. Collapsed, it also stands for the op's output (`output` is set). */
export interface OpVertex {
  readonly type: 'op';
  /** Node id: `op` and the output's place on the tape (`op4` makes `%4`). */
  readonly id: string;
  /** The op's name: `add`, `matmul`. */
  readonly op: string;
  /** Its non-default attributes, `axes=[1]`; empty when none. */
  readonly attrs: string;
  /** Collapsed: the output's name (its label, or empty) and shape. */
  readonly output: { readonly name: string; readonly shape: string; readonly dtype: string } | null;
  readonly highlighted: boolean;
}

/** A node of a drawing. */
export type Vertex = TensorVertex | OpVertex;

/** An edge of a drawing: from an input to its op, or from an op to its output. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  /**
   * Into an op whose inputs play different parts, the input's name in the op's rule (`a`, `b`
   * of sub; see `inputRoles`); null on the other edges.
   */
  readonly role: string | null;
}

/** A graph drawing before it is written out in some syntax. */
export interface Drawing {
  /** Nodes in tape order: an op's node right before its output's. */
  readonly vertices: readonly Vertex[];
  /** Edges from inputs to ops (in input order) and from ops to outputs, in tape order. */
  readonly edges: readonly Edge[];
  readonly collapsed: boolean;
  readonly options: ResolvedOptions;
}

/**
 * Lays out what the drawing of `y`'s graph shows; `caller` names the public function in errors.
 * Throws when `y` is not a Tensor or its graph was freed by backward.
 */
export function buildDrawing(caller: string, y: unknown, options: DotOptions | undefined): Drawing {
  if (!(y instanceof Tensor)) {
    throw new Error(`${caller}: expected a Tensor (the output whose graph to draw), got ${kindOf(y)}`);
  }
  const resolved = resolveOptions(caller, options);
  checkGraphNotFreed(caller, y);
  const listing = tape(y);
  const entries = listing.entries;
  const collapsed = shouldCollapse(entries, resolved);
  const written = writtenSinceRecorded(listing.nodes);
  const idOf = new Map<Tensor, number>(entries.map((entry) => [entry.tensor, entry.id]));
  const vertices: Vertex[] = [];
  const edges: Edge[] = [];
  // Collapsed, an op's output has no node of its own: edges leave from the op that produced it.
  const sourceOf = (x: Tensor): string => (collapsed && x.node !== null ? `op${idOf.get(x)}` : `t${idOf.get(x)}`);
  for (const entry of entries) {
    const node = entry.node;
    if (node !== null) {
      const opId = `op${entry.id}`;
      vertices.push(opVertex(opId, entry, collapsed, resolved));
      const roles = inputRoles(node.op.name, node.inputs!.length);
      node.inputs!.forEach((input, k) => edges.push({ from: sourceOf(input), to: opId, role: roles?.[k] ?? null }));
      if (collapsed) continue;
      edges.push({ from: opId, to: `t${entry.id}`, role: null });
    }
    vertices.push(tensorVertex(entry, collapsed, written.has(entry.tensor), resolved));
  }
  return { vertices, edges, collapsed, options: resolved };
}

function dtypeOf(x: Tensor): string {
  return x.dtype === 'float64' ? '' : x.dtype;
}

function opVertex(id: string, entry: TapeEntry, collapsed: boolean, options: ResolvedOptions): OpVertex {
  const x = entry.tensor;
  return {
    type: 'op',
    id,
    op: entry.node!.op.name,
    attrs: formatAttrs(entry.node!.attrs),
    output: collapsed ? { name: x.label || '', shape: formatShape(x.shape), dtype: dtypeOf(x) } : null,
    highlighted: options.highlight.has(x),
  };
}

function tensorVertex(entry: TapeEntry, collapsed: boolean, writtenInPlace: boolean, options: ResolvedOptions): TensorVertex {
  const x = entry.tensor;
  const role: TensorRole = entry.node !== null ? 'result' : x.requiresGrad ? 'parameter' : 'constant';
  // Collapsed drawings show shapes only, except for a one-element constant: its value is what
  // makes `div` by it readable (the mean's count), as in the tape listing's `const 8`.
  const fits = collapsed ? role === 'constant' && x.size === 1 : x.size <= options.maxValues;
  const showsValues = options.showData && fits;
  const values = !showsValues ? null : options.known !== undefined && !options.known.has(x) ? '?' : formatElements(x);
  const data = values !== null && writtenInPlace ? `${values} (changed in place since)` : values;
  return {
    type: 'tensor',
    id: `t${entry.id}`,
    name: tensorName(entry),
    // A scalar whose value is shown needs no `[]`.
    shape: x.shape.length === 0 && data !== null ? '' : formatShape(x.shape),
    dtype: dtypeOf(x),
    role,
    data,
    grad: collapsed || !options.showGrad ? null : gradText(x, options),
    highlighted: options.highlight.has(x),
  };
}

/**
 * The gradient to show for `x`: its values (its shape when too large), from `grads` when given,
 * else `.grad`. With `grads`, a tensor that requires grad but has none there yet shows `?`, so
 * the nodes keep their size from one walk-through frame to the next.
 */
function gradText(x: Tensor, options: ResolvedOptions): string | null {
  const grad = options.grads !== undefined ? (options.grads.get(x) ?? null) : x.grad;
  if (grad === null) return options.grads !== undefined && x.requiresGrad ? '?' : null;
  return grad.size <= options.maxValues ? formatElements(grad) : formatShape(grad.shape);
}
