/**
 * The tape: every op applied to a tensor that requires grad records a node here, and backward
 * walks the nodes reachable from the output in reverse recording order. The walk is a loop over
 * a sorted array (no recursion), so graphs of millions of nodes work.
 * @module
 */
import { describeTensor } from './format.js';
import { isAnomalyEnabled, withAnomalyEnabled, withGradEnabled } from './grad-mode.js';
import { type Op } from './op.js';
import { formatShape, sameShape } from './shape.js';
import { captureCreationSite } from './creation-site.js';
import { GradientSums } from './gradient-sums.js';
import type { Tensor } from './tensor.js';

/** One recorded op application: what ran, on what, producing what, and when. */
export interface TapeNode {
  /** The op that ran. */
  readonly op: Op<unknown>;
  /** Its inputs; `null` once backward has freed the graph (see `retainGraph`). */
  inputs: readonly Tensor[] | null;
  /** Its non-tensor arguments; `null` once freed. */
  attrs: unknown;
  /** The tensor it produced. */
  readonly output: Tensor;
  /** Its place on the tape: later nodes have larger numbers. */
  readonly seq: number;
  /**
   * Versions of the saved inputs (by position; -1 when not saved) at record time; empty when the
   * op saves no inputs.
   */
  readonly inputVersions: readonly number[];
  /** Version of the output at record time. */
  readonly outputVersion: number;
  /**
   * Where the op was created, from the user's first stack frame on (tapegrad's own frames left
   * out); captured only inside `detectAnomaly`, since a stack costs more than a small op. A node
   * recorded by a backward rule (under `createGraph`) names that rule's op and where it was created.
   */
  readonly creationStack: string | undefined;
  /** @internal The last graph walk that reached this node. */
  visited: number;
  /**
   * @internal During a backward walk, the gradient of `output` summed so far over the consumers
   * already walked; a field rather than a Map entry because a Map of 10⁴ fresh keys costs ~0.3 µs
   * per node. Cleared by each walk that reaches the node (see `startWalk`).
   */
  pendingGrad: Tensor | null;
}

let nextSeq = 0;

/** The `inputVersions` of every node whose op saves no inputs (add, tanh, sum …): one shared array. */
const NOTHING_SAVED: readonly number[] = [];

/** Per op, the `inputVersions` of a call whose inputs were never written in place. */
const savedAtVersionZero = new Map<object, readonly number[]>();

/**
 * The versions of the inputs `op` saves (-1 for the rest), for `checkVersions` to compare with.
 * Most tensors are never written in place, and then the list is the same for every call of the
 * op, so one copy per op is shared: two objects fewer per node for the garbage collector to move.
 */
function savedVersions<A>(op: Op<A>, inputs: readonly Tensor[]): readonly number[] {
  const saved = op.saves?.inputs;
  if (saved !== undefined && saved.length === 0) return NOTHING_SAVED;
  let written = false;
  for (let i = 0; i < inputs.length; i++) if (inputs[i].versionValue !== 0) written = true;
  const shared = written ? undefined : savedAtVersionZero.get(op);
  if (shared !== undefined && shared.length === inputs.length) return shared;
  const versions = new Array<number>(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    versions[i] = saved === undefined || saved.includes(i) ? inputs[i].versionValue : -1;
  }
  if (!written) savedAtVersionZero.set(op, versions);
  return versions;
}

/** Records `op` applied to `inputs` with result `out` and links `out` to the new node. */
export function recordNode<A>(op: Op<A>, inputs: readonly Tensor[], attrs: unknown, out: Tensor): void {
  const node: TapeNode = {
    op,
    inputs,
    attrs,
    output: out,
    seq: nextSeq++,
    inputVersions: savedVersions(op, inputs),
    outputVersion: out.versionValue,
    creationStack: isAnomalyEnabled() ? captureCreationSite() : ruleInAnomalyMode === null ? undefined : createdByBackwardOf(ruleInAnomalyMode),
    visited: 0,
    pendingGrad: null,
  };
  out.node = node;
  out.requiresGrad = true;
}

/**
 * The node whose backward rule is running inside `detectAnomaly`, or null. The rule runs with the
 * anomaly checks off (a NaN it makes is reported once, as its op's), so under `createGraph` the
 * nodes it records take their creation site from this node instead of capturing a stack.
 */
let ruleInAnomalyMode: TapeNode | null = null;

/**
 * The creation site of a node recorded by `node`'s backward rule: that op, then where its forward
 * was created, so a second-order anomaly still leads to the user's line.
 */
function createdByBackwardOf(node: TapeNode): string {
  return `    (recorded by the backward of ${node.op.name} under createGraph; that ${node.op.name} was created at:)\n${node.creationStack ?? NOT_CAPTURED}`;
}

/** Runs `node`'s backward rule inside `detectAnomaly`: checks off, its recordings attributed to `node`. */
function runRuleInAnomalyMode<T>(node: TapeNode, rule: () => T): T {
  const outer = ruleInAnomalyMode;
  ruleInAnomalyMode = node;
  try {
    return withAnomalyEnabled(false, rule);
  } finally {
    ruleInAnomalyMode = outer;
  }
}

/** Options of `Tensor.backward` and of the functional transforms. */
export interface BackwardOptions {
  /** Keep the graph's saved values so backward can run through it again (default: `createGraph`). */
  readonly retainGraph?: boolean;
  /** Record the backward computation itself, making the gradients differentiable (default false). */
  readonly createGraph?: boolean;
}

/**
 * Collects the nodes reachable from `roots`, newest first, not walking past the tensors in
 * `stopAt` (a transform's inputs: what produced them is not its business, and must not be freed).
 * Iterative on purpose: recursion overflows the stack past ~10⁴ nodes.
 */
function reachableNodes(roots: readonly Tensor[], stopAt: ReadonlySet<Tensor> = new Set(), caller = 'backward'): TapeNode[] {
  // Each walk marks the nodes it visits with a fresh number: cheaper than a Set of 10⁶ nodes.
  const mark = ++walkCount;
  const pending: TapeNode[] = [];
  for (const root of roots) if (root.node && !stopAt.has(root)) pending.push(root.node);
  const nodes: TapeNode[] = [];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.visited === mark) continue;
    node.visited = mark;
    if (node.inputs === null) throw freedGraphError(node, caller);
    nodes.push(node);
    for (const input of node.inputs) {
      if (input.node !== null && input.node.visited !== mark && !stopAt.has(input)) pending.push(input.node);
    }
  }
  return newestFirst(nodes);
}

let walkCount = 0;

/**
 * `nodes` sorted by descending `seq`, in linear time in the usual cases: a chain is collected in
 * order already, and a graph's nodes usually hold nearly every number in their range (they were
 * recorded one after another), so placing each at `max − seq` in a table orders them. A
 * comparison sort of a 10⁴-node scalar graph cost ~5 % of its backward; it remains the fallback
 * for sparse ranges (a graph reaching far back in time).
 */
function newestFirst(nodes: TapeNode[]): TapeNode[] {
  let min = Infinity;
  let max = -Infinity;
  let sorted = true;
  for (let i = 0; i < nodes.length; i++) {
    const seq = nodes[i].seq;
    if (i > 0 && seq > nodes[i - 1].seq) sorted = false;
    min = Math.min(min, seq);
    max = Math.max(max, seq);
  }
  if (sorted) return nodes;
  if (max - min >= 4 * nodes.length) return nodes.sort((a, b) => b.seq - a.seq);
  const table = new Array<TapeNode | undefined>(max - min + 1);
  for (const node of nodes) table[max - node.seq] = node;
  let next = 0;
  for (const node of table) if (node !== undefined) nodes[next++] = node;
  return nodes;
}

/**
 * Keeps the nodes (newest first) that lie on a path to one of `targets`: a transform needs
 * nothing else, and must not free graphs its function merely closed over.
 */
function leadingTo(nodes: readonly TapeNode[], targets: ReadonlySet<Tensor>): TapeNode[] {
  const leading = new Set<TapeNode>();
  // Oldest first: a node's inputs were recorded before it, so their verdicts are known.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (node.inputs!.some((input) => targets.has(input) || (input.node !== null && leading.has(input.node)))) leading.add(node);
  }
  return nodes.filter((node) => leading.has(node));
}

/**
 * Backpropagates `seeds` (one per root, each the root's shape) through the tape.
 * With `capture`, returns the gradients of those tensors instead of accumulating into leaves'
 * `.grad` (this is how `grad`, `vjp` and friends work); without, fills `.grad` on leaves and on
 * tensors that called `retainGrad()`.
 */
export function runBackward(
  roots: readonly Tensor[],
  seeds: readonly Tensor[],
  options: BackwardOptions = {},
  capture?: readonly Tensor[],
): (Tensor | null)[] {
  const createGraph = options.createGraph ?? false;
  const retainGraph = options.retainGraph ?? createGraph;
  return withGradEnabled(createGraph, () => {
    const wanted = new Set(capture ?? []);
    const reached = reachableNodes(roots, wanted);
    const nodes = capture ? leadingTo(reached, wanted) : reached;
    const outerSums = startWalk(reached);
    try {
      const captured = new Map<Tensor, Tensor>();
      const sums = new GradientSums(createGraph);
      // Gradients handed out (`.grad`, a transform's result) get storage of their own; internal
      // sums waiting on a node need not.
      const deliver = (target: Tensor, grad: Tensor) => {
        if (wanted.has(target)) captured.set(target, sums.add(captured.get(target), grad, true));
        else if (!capture && (target.node === null || target.retainsGrad)) target.grad = sums.add(target.grad, grad, true);
      };
      // A gradient reaching a leaf or a captured tensor is delivered; one reaching an
      // intermediate waits on its node until every consumer has added to it.
      const route = (target: Tensor, grad: Tensor) => {
        if (target.node === null || wanted.has(target)) deliver(target, grad);
        else target.node.pendingGrad = sums.add(target.node.pendingGrad, grad, false);
      };
      roots.forEach((root, i) => route(root, seeds[i]));
      for (const node of nodes) {
        const grad = node.pendingGrad;
        if (grad === null) continue;
        node.pendingGrad = null;
        sums.release(grad); // the rule may keep it or share it: no longer ours to add into
        deliver(node.output, grad);
        backwardThroughNode(node, grad, route);
        if (!retainGraph) {
          node.inputs = null;
          node.attrs = null;
        }
      }
      return (capture ?? []).map((target) => captured.get(target) ?? null);
    } finally {
      endWalk(reached, outerSums);
    }
  });
}

/**
 * @internal One step of the walk: runs `node`'s backward rule on `grad`, the gradient of its
 * output, with the checks backward makes at every node (saved values not written in place since,
 * each returned gradient in its input's shape and dtype, and inside `detectAnomaly` finite), and
 * hands each input that needs a gradient its own to `receive`, in input order. A callback rather
 * than a returned array: this runs once per node on backward's hot path. Exported for
 * `@tapegrad/viz`'s `explainBackward`, which steps through a walk and must compute exactly what
 * this one does.
 */
export function backwardThroughNode(
  node: TapeNode,
  grad: Tensor,
  receive: (input: Tensor, inputGrad: Tensor, index: number) => void,
): void {
  const inputs = node.inputs!;
  checkVersions(node);
  const needsGrad = inputs.map(requiresGrad);
  const context = { attrs: node.attrs, out: node.output, needsGrad };
  const inputGrads = isAnomalyEnabled()
    ? runRuleInAnomalyMode(node, () => node.op.backward(grad, inputs, context))
    : node.op.backward(grad, inputs, context);
  for (let i = 0; i < inputs.length; i++) {
    const inputGrad = inputGrads[i];
    // Rules may compute a gradient for an input that needs none; it is dropped, unchecked.
    if (!needsGrad[i] || inputGrad === null || inputGrad === undefined) continue;
    checkGradient(node, i, inputGrad);
    receive(inputs[i], inputGrad, i);
  }
}

/** Backward walks in progress: two when a backward rule runs a walk of its own. */
let activeWalks = 0;

/**
 * Clears the pending sums of the nodes a walk reached (a walk that threw may have left some
 * behind). When the walk runs inside another one's backward rule (a custom op whose backward
 * calls `vjp` or lists the tape), the two share nodes: the outer walk's sums are returned, to be
 * put back by `endWalk`, so that neither walk adds into or wipes the other's.
 */
function startWalk(reached: readonly TapeNode[]): (Tensor | null)[] | null {
  const outerSums = activeWalks > 0 ? reached.map((node) => node.pendingGrad) : null;
  for (let i = 0; i < reached.length; i++) reached[i].pendingGrad = null;
  activeWalks++;
  return outerSums;
}

function endWalk(reached: readonly TapeNode[], outerSums: readonly (Tensor | null)[] | null): void {
  activeWalks--;
  if (outerSums !== null) for (let i = 0; i < reached.length; i++) reached[i].pendingGrad = outerSums[i];
}

function requiresGrad(input: Tensor): boolean {
  return input.requiresGrad;
}

function checkVersions(node: TapeNode): void {
  const inputs = node.inputs!;
  // Only the saved inputs have a recorded version (>= 0); the list is empty when none were saved.
  for (let i = 0; i < node.inputVersions.length; i++) {
    const input = inputs[i];
    const recorded = node.inputVersions[i];
    if (recorded >= 0 && input.versionValue !== recorded) {
      throw new Error(
        `${node.op.name}: input ${i} ${describeTensor(input)} was modified in place after the op saved it ` +
          `(version ${recorded} → ${input.versionValue}); its backward needs the original value. ` +
          `Use the out-of-place op (add instead of add_) or clone() before modifying.`,
      );
    }
  }
  if (node.op.saves?.output && node.output.versionValue !== node.outputVersion) {
    throw new Error(
      `${node.op.name}: its output ${describeTensor(node.output)} was modified in place after the op saved it ` +
        `(version ${node.outputVersion} → ${node.output.versionValue}); its backward needs the original value. ` +
        `Use the out-of-place op or clone() the output before modifying it.`,
    );
  }
}

function checkGradient(node: TapeNode, index: number, grad: Tensor): void {
  const input = node.inputs![index];
  if (!sameShape(grad.shape, input.shape)) {
    throw new Error(
      `${node.op.name}: backward returned a gradient of shape ${formatShape(grad.shape)} for input ${index} ` +
        `of shape ${formatShape(input.shape)}; a backward rule must return its input's shape (use sumTo to undo broadcasting)`,
    );
  }
  if (grad.dtype !== input.dtype) {
    throw new Error(
      `${node.op.name}: backward returned a ${grad.dtype} gradient for input ${index} ${describeTensor(input)}; ` +
        `a backward rule must return its input's dtype (convert with astype)`,
    );
  }
  if (isAnomalyEnabled()) {
    const buffer = grad.buffer;
    for (let i = 0; i < buffer.length; i++) {
      if (!Number.isFinite(buffer[i])) {
        throw new Error(
          `detectAnomaly: the backward of ${node.op.name} produced ${buffer[i]} in the gradient of input ${index} ` +
            `${describeTensor(input)} at flat index ${i}. The op was created at:\n${node.creationStack ?? NOT_CAPTURED}`,
        );
      }
    }
  }
}

/** What a backward anomaly shows for an op recorded outside `detectAnomaly`, where no stack was captured. */
const NOT_CAPTURED = '    (not captured: the op was recorded outside detectAnomaly; run the forward pass inside it too to see where)';

function freedGraphError(node: TapeNode, caller: string): Error {
  const where = `the graph through ${node.op.name} (output ${formatShape(node.output.shape)}) was already freed by an earlier backward`;
  if (caller === 'tape') {
    return new Error(`tape: ${where}. Call tape(y) before y.backward(), or keep the graph with y.backward({ retainGraph: true }).`);
  }
  return new Error(
    `${caller}: ${where}. Pass { retainGraph: true } to the first backward — y.backward({ retainGraph: true }) — ` +
      `if you need to backpropagate through it again, or recompute the forward pass.`,
  );
}

/** One line of a tape listing. */
export interface TapeEntry {
  /** Position in the listing (`%n`). */
  readonly id: number;
  /** The recorded node, or null for a leaf. */
  readonly node: TapeNode | null;
  /** The tensor this entry stands for. */
  readonly tensor: Tensor;
}

/** The recorded nodes behind a tensor, in recording order, printable as a listing. */
export interface TapeListing {
  /** The nodes reachable from the tensor, oldest first. */
  readonly nodes: readonly TapeNode[];
  /** Leaves and nodes numbered `%0`, `%1`, … as `toString` prints them. */
  readonly entries: readonly TapeEntry[];
  /** A listing such as `%3 = matmul %1 %2  [64,10] float64`. */
  toString(): string;
}

/** The tape behind `y`: the nodes it was computed by, oldest first, and a readable listing. */
export function tape(y: Tensor): TapeListing {
  const nodes = reachableNodes([y], new Set(), 'tape').reverse();
  const ids = new Map<Tensor, number>();
  const entries: TapeEntry[] = [];
  const idOf = (t: Tensor): number => {
    let id = ids.get(t);
    if (id === undefined) {
      id = entries.length;
      ids.set(t, id);
      entries.push({ id, node: null, tensor: t });
    }
    return id;
  };
  const lines: string[] = [];
  for (const node of nodes) {
    for (const input of node.inputs!) {
      if (input.node === null && !ids.has(input)) {
        const id = idOf(input);
        lines.push(leafLine(id, input));
      }
    }
    const args = node.inputs!.map((input) => `%${idOf(input)}`).join(' ');
    const id = entries.length;
    ids.set(node.output, id);
    entries.push({ id, node, tensor: node.output });
    const attrs = formatAttrs(node.attrs);
    const label = node.output.label ? ` (${node.output.label})` : '';
    lines.push(`%${id} = ${node.op.name} ${args}${attrs}${label}  ${formatShape(node.output.shape)} ${node.output.dtype}`);
  }
  if (y.node === null) {
    entries.push({ id: 0, node: null, tensor: y });
    lines.push(leafLine(0, y));
  }
  return { nodes, entries, toString: () => lines.join('\n') };
}

/** `%1 = leaf (W)  [3,2] float64`; a one-element constant shows its value: `%2 = const 2  [] float64`. */
function leafLine(id: number, x: Tensor): string {
  const kind = x.requiresGrad ? 'leaf' : x.size === 1 ? `const ${x.buffer[0]}` : 'const';
  return `%${id} = ${kind}${x.label ? ` (${x.label})` : ''}  ${formatShape(x.shape)} ${x.dtype}`;
}

/** JSON, except that non-finite numbers print as numbers (`-Infinity`), not as `null`. */
function formatValue(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `\u0000${v}` : v)).replace(
    /"\\u0000([^"]*)"/g,
    '$1',
  );
}

function formatAttrs(attrs: unknown): string {
  if (attrs === undefined || attrs === null) return '';
  if (typeof attrs !== 'object') return ` ${String(attrs)}`;
  const parts = Object.entries(attrs as Record<string, unknown>)
    // Unset flags (matmul's transA=false) are noise in a listing meant for reading.
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([key, value]) => `${key}=${formatValue(value)}`);
  return parts.length > 0 ? ` {${parts.join(', ')}}` : '';
}
