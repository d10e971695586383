/**
 * Shapes: sizes, strides, numpy broadcasting and axis normalisation, each with an error that
 * names the op and the shapes when the input is wrong.
 * @module
 */

/** A tensor's shape: one non-negative integer extent per axis. */
export type Shape = readonly number[];

/** Largest element count a tensor may have; past it creation fails fast instead of allocating. */
export const MAX_SIZE = 2 ** 31 - 1;

/** `[2,3]` printed the way errors and tape listings show shapes. */
export function formatShape(shape: Shape): string {
  return `[${shape.join(',')}]`;
}

/**
 * Number of elements in a tensor of `shape` (1 for a scalar's `[]`). Any zero extent makes it 0,
 * even after huge extents whose product overflowed to Infinity (Infinity · 0 would be NaN).
 */
export function sizeOf(shape: Shape): number {
  // An indexed loop: with a `return` inside `for…of`, V8 must close the iterator, and that form
  // measured slower on small ops (sizeOf runs several times per op).
  let size = 1;
  for (let i = 0; i < shape.length; i++) {
    const extent = shape[i];
    if (extent === 0) return 0;
    size *= extent;
  }
  return size;
}

/** Checks that every extent is a non-negative integer and the total size is allocatable. */
export function checkShape(op: string, shape: unknown): number[] {
  if (!Array.isArray(shape)) throw new Error(`${op}: shape must be an array of integers, got ${String(shape)}`);
  for (const extent of shape) {
    if (!Number.isInteger(extent) || extent < 0) {
      throw new Error(`${op}: shape [${shape.map(String).join(',')}] has an invalid extent ${String(extent)}; extents are integers ≥ 0`);
    }
    // Past 2⁵³ an extent is no longer exact (2**60 + 1 === 2**60): refuse it even beside a 0.
    if (!Number.isSafeInteger(extent)) {
      throw new Error(`${op}: shape ${formatShape(shape)} has an extent ${extent} beyond 2^53 − 1, where integers stop being exact; no tensor can be that long`);
    }
  }
  const size = sizeOf(shape);
  if (size > MAX_SIZE) {
    throw new Error(`${op}: shape ${formatShape(shape)} has ${size} elements, more than the ${MAX_SIZE} a typed array can hold`);
  }
  return shape.slice();
}

/**
 * True when a result of `shape` would hold more than `MAX_SIZE` elements. Ops whose output can
 * outgrow their inputs (broadcasting, matmul, pad, conv2d, oneHot …) ask before allocating, so a
 * gigantic result fails at once instead of asking the engine for terabytes (a `RangeError` naming
 * nothing, or seconds of swapping first). The message is built only when this says so, with
 * `resultSizeError`, so an op's hot path formats nothing and allocates no closure:
 *
 * ```ts
 * if (exceedsMaxSize(shape)) throw resultSizeError('pad', shape, `padding ${formatShape(x.shape)} by …`);
 * ```
 */
export function exceedsMaxSize(shape: Shape): boolean {
  return sizeOf(shape) > MAX_SIZE;
}

/** The error for an op whose result of `shape` is too large; `what` says what was asked for. */
export function resultSizeError(op: string, shape: Shape, what = 'the result'): Error {
  return new Error(
    `${op}: ${what} would have shape ${formatShape(shape)}, ${sizeOf(shape)} elements, more than the ${MAX_SIZE} (MAX_SIZE) a tensor can hold; ` +
      `check the shapes and arguments (an unintended broadcast?), or work in smaller pieces`,
  );
}

/** Row-major strides of a contiguous tensor of `shape`. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    strides[axis] = stride;
    stride *= shape[axis];
  }
  return strides;
}

/**
 * Strides for reading a tensor of `shape` as if broadcast to `outShape`: aligned to the trailing
 * axes, 0 along axes where it has extent 1 or that it lacks, so one element is repeated.
 */
export function broadcastStrides(shape: Shape, outShape: Shape): number[] {
  const own = stridesOf(shape);
  const lead = outShape.length - shape.length;
  return outShape.map((_, axis) => (axis < lead || shape[axis - lead] === 1 ? 0 : own[axis - lead]));
}

/** True when the two shapes are equal extent by extent. */
export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The shape two operands broadcast to under numpy's rules: align trailing axes; extents must be
 * equal or one of them 1.
 */
export function broadcastShapes(op: string, a: Shape, b: Shape, labels: [string?, string?] = []): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 1; i <= rank; i++) {
    const ea = i <= a.length ? a[a.length - i] : 1;
    const eb = i <= b.length ? b[b.length - i] : 1;
    if (ea !== eb && ea !== 1 && eb !== 1) {
      throw new Error(
        `${op}: shapes ${shapeWithLabel(a, labels[0])} and ${shapeWithLabel(b, labels[1])} cannot broadcast: ` +
          `axis ${-i} has extents ${ea} and ${eb}; numpy broadcasting needs equal extents or a 1 — ` +
          `reshape or unsqueeze one operand`,
      );
    }
    out[rank - i] = ea === 1 ? eb : ea;
  }
  if (exceedsMaxSize(out)) throw resultSizeError(op, out, `broadcasting ${shapeWithLabel(a, labels[0])} against ${shapeWithLabel(b, labels[1])}`);
  return out;
}

/** `[2,3] (x)`: a shape and, when there is one, its operand's label. */
function shapeWithLabel(shape: Shape, label?: string): string {
  return `${formatShape(shape)}${label ? ` (${label})` : ''}`;
}

/** Normalises a possibly negative axis for a tensor of `rank` axes, or throws naming the op. */
export function normalizeAxis(op: string, axis: number, rank: number, shape?: Shape): number {
  if (!Number.isInteger(axis)) {
    throw new Error(`${op}: axis ${String(axis)} is not an integer; axes are whole numbers (negative ones count from the end)`);
  }
  if (axis < -rank || axis >= rank) {
    const where = shape ? ` of shape ${formatShape(shape)}` : '';
    const range = rank === 0 ? 'a scalar has no axes' : `valid axes are ${-rank}…${rank - 1}`;
    throw new Error(`${op}: axis ${String(axis)} is out of range for a tensor${where} (rank ${rank}); ${range}`);
  }
  return axis < 0 ? axis + rank : axis;
}

/**
 * Normalises the position of a new axis inserted into a tensor of `shape` (unsqueeze, stack):
 * `-(rank+1)…rank`, where −1 appends.
 */
export function normalizeInsertAxis(op: string, axis: number, shape: Shape): number {
  const rank = shape.length;
  if (!Number.isInteger(axis) || axis < -(rank + 1) || axis > rank) {
    throw new Error(`${op}: axis ${axis} is out of range for shape ${formatShape(shape)}; the new axis can go at ${-(rank + 1)}…${rank}`);
  }
  return axis < 0 ? axis + rank + 1 : axis;
}

/** Splits `shape` around `axis` into the `[outer, n, inner]` view that axis-wise kernels use. */
export function aroundAxis(shape: Shape, axis: number): [outer: number, n: number, inner: number] {
  return [sizeOf(shape.slice(0, axis)), shape[axis], sizeOf(shape.slice(axis + 1))];
}

/**
 * Normalises `axis` (one, several, or undefined for all) to a sorted list of distinct
 * non-negative axes.
 */
export function normalizeAxes(op: string, axis: number | readonly number[] | undefined | null, shape: Shape): number[] {
  const rank = shape.length;
  if (axis === undefined || axis === null) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : axis;
  const axes = list.map((a) => normalizeAxis(op, a, rank, shape));
  const sorted = [...new Set(axes)].sort((x, y) => x - y);
  if (sorted.length !== axes.length) {
    throw new Error(`${op}: axis list ${JSON.stringify(list)} repeats an axis for shape ${formatShape(shape)}`);
  }
  return sorted;
}

/** The shape left after reducing `axes` of `shape`, with size-1 axes kept when `keepdims`. */
export function reducedShape(shape: Shape, axes: readonly number[], keepdims: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (axes.includes(i)) {
      if (keepdims) out.push(1);
    } else {
      out.push(shape[i]);
    }
  }
  return out;
}
