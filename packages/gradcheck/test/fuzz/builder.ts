/**
 * The program builder: keeps the pool of values (leaves and step results, each computed as it is
 * emitted), and offers recipes what they need to make a valid call — operands picked from the pool
 * (the newest most often, so programs form chains; any earlier one otherwise, so values fork and
 * rejoin), adapters that bring a value to a required shape, guards that move a value into an op's
 * domain, and automatic squashing of large results so every value offered stays within ±BOUND.
 */
import { noGrad, sameShape, sizeOf, type Tensor, tensor } from '@tapegrad/tensor';
import type { Leaf, Step, StepRole } from './program.js';
import { recipeFor } from './recipes/index.js';
import { Rng } from './rng.js';

/** Largest value (in elements) a step may produce: numerical gradients stay cheap. */
export const MAX_SIZE = 64;
/** Largest leaf, and largest shape the builder makes up. */
export const MAX_LEAF_SIZE = 24;
/** Values above this magnitude are squashed before anything reads them. */
export const BOUND = 4;
/** Distance kept from a pole (log, sqrt, division, pow's base): derivatives up to the third stay tame. */
export const POLE_MARGIN = 0.2;

/** A value in the pool: its id (`%id`) and what it holds, computed when it was emitted. */
export interface Value {
  readonly id: number;
  readonly tensor: Tensor;
}

/** What a recipe needs of an operand. Defaults: rank 0–4, 1…MAX_SIZE elements. */
export interface Requirement {
  readonly minRank?: number;
  readonly maxRank?: number;
  /** Fewest elements (default 1; 0 admits empty tensors). */
  readonly minSize?: number;
  readonly maxSize?: number;
  readonly accept?: (v: Value) => boolean;
}

interface EmitOptions {
  readonly consts?: readonly Tensor[];
  readonly role?: StepRole;
}

/** Thrown when a valid call fails or produces NaN: the step is kept, building stops there. */
export class BuildStop extends Error {
  constructor(
    readonly step: number,
    message: string,
  ) {
    super(message);
  }
}

export function maxAbs(x: Tensor): number {
  let m = 0;
  for (const v of x.buffer) m = Math.max(m, Math.abs(v));
  return m;
}

export function minOf(x: Tensor): number {
  let m = Infinity;
  for (const v of x.buffer) m = Math.min(m, v);
  return m;
}

function minAbs(x: Tensor): number {
  let m = Infinity;
  for (const v of x.buffer) m = Math.min(m, Math.abs(v));
  return m;
}

/** The shape `a` and `b` broadcast to, or null when they do not. */
export function broadcastOf(a: readonly number[], b: readonly number[]): number[] | null {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = rank; i >= 1; i--) {
    const ea = i <= a.length ? a[a.length - i] : 1;
    const eb = i <= b.length ? b[b.length - i] : 1;
    if (ea !== eb && ea !== 1 && eb !== 1) return null;
    out.push(ea === 1 ? eb : ea);
  }
  return out;
}

/** `axis` (non-negative) spelled as itself or counted from the end. */
export function spellAxis(rng: Rng, axis: number, rank: number): number {
  return rng.chance(0.4) ? axis - rank : axis;
}

/** A number rounded to 3 significant digits, so listings stay readable. */
export function round3(x: number): number {
  return Number(x.toPrecision(3));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
}

export class Builder {
  /** The current step's generator; the program builder swaps in a fresh one per drawn op. */
  rng = new Rng(0);
  readonly steps: Step[] = [];
  /** The id of the scalar output, once `finish` has run. */
  output = -1;
  readonly #values: Value[] = [];
  /** Values replaced by their squashed version: nothing reads them again. */
  readonly #retired = new Set<number>();
  /** Values some valid step reads differentiably. */
  readonly #read = new Set<number>();

  constructor(leaves: readonly Leaf[]) {
    leaves.forEach((leaf, id) => this.#values.push({ id, tensor: tensor(leaf.values.slice(), { shape: leaf.shape.slice() }) }));
  }

  /**
   * Runs `op` on `args` (in noGrad) and adds the step and its value to the pool. A result beyond
   * ±BOUND is squashed at once and the squashed value returned instead.
   */
  emit(op: string, args: readonly Value[], attrs: object = {}, { consts = [], role = 'adapt' }: EmitOptions = {}): Value {
    const recipe = recipeFor(op);
    const index = this.steps.length;
    const id = this.#values.length;
    const base = { op, args: args.map((v) => v.id), attrs, consts, role, out: id };
    let out: Tensor;
    try {
      out = noGrad(() => recipe.run(args.map((v) => v.tensor), attrs, consts));
    } catch (error) {
      this.steps.push({ ...base, shape: [], values: null });
      throw new BuildStop(index, `${op} threw on a valid call: ${messageOf(error)}`);
    }
    const values = Float64Array.from(out.buffer);
    this.steps.push({ ...base, shape: out.shape.slice(), values });
    // A value read only through a comparison still counts as unread: the output must depend on it.
    const compared = recipe.comparedOnly?.(attrs) ?? [];
    args.forEach((v, i) => compared.includes(i) || this.#read.add(v.id));
    const value = { id, tensor: out };
    this.#values.push(value);
    if (out.dtype !== 'float64') throw new BuildStop(index, `${op} returned ${out.dtype} from float64 operands`);
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new BuildStop(index, `${op} produced ${values[bad]} at flat index ${bad} from operands within ±${BOUND} and its domain`);
    if (role !== 'output' && role !== 'squash' && maxAbs(out) > BOUND) return this.#squash(value);
    return value;
  }

  /** `emit` for the op drawn at this position of the program. */
  draw(op: string, args: readonly Value[], attrs: object = {}, consts: readonly Tensor[] = []): true {
    this.emit(op, args, attrs, { consts, role: 'draw' });
    return true;
  }

  /** Adds a call that must throw an Error starting `op:` and naming each of `mentions`. */
  misuse(op: string, args: readonly Value[], attrs: object, mentions: readonly string[], consts: readonly Tensor[] = []): true {
    const error = { op, mentions };
    this.steps.push({ op, args: args.map((v) => v.id), attrs, consts, role: 'misuse', out: -1, shape: [], values: null, error });
    return true;
  }

  #squash(v: Value): Value {
    this.#retired.add(v.id);
    if (this.rng.chance(0.7)) return this.emit('tanh', [v], {}, { role: 'squash' });
    return this.emit('mul', [v], { number: round3(2 / maxAbs(v.tensor)) }, { role: 'squash' });
  }

  // ── picking operands ────────────────────────────────────────────────────────

  /** The values meeting `req` that are still offered, oldest first. */
  candidates(req: Requirement = {}): Value[] {
    const { minRank = 0, maxRank = 4, minSize = 1, maxSize = MAX_SIZE, accept } = req;
    return this.#values.filter((v) => {
      const { ndim, size } = v.tensor;
      if (this.#retired.has(v.id) || ndim < minRank || ndim > maxRank || size < minSize || size > maxSize) return false;
      return accept?.(v) ?? true;
    });
  }

  /**
   * The newest of `values` a third of the time (chains), a recent one a fifth, one nothing has
   * read yet a quarter (so forks rejoin and few values are left over for the output), any one
   * otherwise.
   */
  prefer(values: readonly Value[]): Value {
    const r = this.rng.next();
    if (r < 0.35) return values[values.length - 1];
    if (r < 0.55) return values[values.length - 1 - this.rng.int(0, Math.min(4, values.length - 1))];
    if (r < 0.8) {
      const unread = values.filter((v) => !this.#read.has(v.id));
      if (unread.length > 0) return this.rng.pick(unread);
    }
    return this.rng.pick(values);
  }

  /** A value meeting `req`: from the pool when one does, else any value fitted to a made-up shape. */
  pick(req: Requirement = {}): Value {
    const found = this.candidates(req);
    if (found.length > 0) return this.prefer(found);
    return this.fit(this.any(), this.randomShape(req));
  }

  /** Any offered value, empty ones included. */
  any(): Value {
    return this.prefer(this.candidates({ minSize: 0 }));
  }

  /** A value of exactly `shape`: a pool value of that shape, or another one fitted to it. */
  shaped(shape: readonly number[]): Value {
    const exact = this.candidates({ minSize: 0, accept: (v) => sameShape(v.tensor.shape, shape) });
    if (exact.length > 0 && this.rng.chance(0.7)) return this.prefer(exact);
    return this.fit(this.any(), shape);
  }

  /** A made-up shape meeting `req`, extents 1–4, at most MAX_LEAF_SIZE elements. */
  randomShape(req: Requirement = {}): number[] {
    const minRank = req.minRank ?? 0;
    const rank = this.rng.int(minRank, Math.max(minRank, Math.min(req.maxRank ?? 3, 4)));
    const limit = Math.min(req.maxSize ?? MAX_LEAF_SIZE, MAX_LEAF_SIZE);
    const shape = Array.from({ length: rank }, () => this.rng.int(1, 4));
    while (sizeOf(shape) > limit) {
      const axis = shape.findIndex((e) => e > 1);
      shape[axis]--;
    }
    return shape;
  }

  /**
   * A shape that broadcasts with `shape` to at most `maxResult` elements: its own, with axes set
   * to 1 or dropped from the front, size-1 axes widened, or new leading axes.
   */
  broadcastPartner(shape: readonly number[], maxResult = MAX_SIZE): number[] {
    for (let attempt = 0; attempt < 4; attempt++) {
      let partner = shape.map((e) => (e === 1 ? (this.rng.chance(0.4) ? this.rng.int(2, 3) : 1) : this.rng.chance(0.3) ? 1 : e));
      if (this.rng.chance(0.3)) partner = partner.slice(this.rng.int(0, partner.length));
      if (this.rng.chance(0.2) && partner.length < 4) partner = [this.rng.int(1, 3), ...partner];
      const result = broadcastOf(shape, partner);
      if (result !== null && sizeOf(result) <= maxResult && sizeOf(partner) <= MAX_SIZE) return partner;
    }
    return shape.slice();
  }

  /** A pool value that broadcasts with `x` (x itself included), or one fitted to a partner shape. */
  partnerOf(x: Value, maxResult = MAX_SIZE): Value {
    const fitting = this.candidates({ minSize: 0 }).filter((v) => {
      const result = broadcastOf(x.tensor.shape, v.tensor.shape);
      return result !== null && sizeOf(result) <= maxResult;
    });
    if (fitting.length > 0 && this.rng.chance(0.6)) return this.prefer(fitting);
    return this.fit(this.any(), this.broadcastPartner(x.tensor.shape, maxResult));
  }

  /** A possibly negative axis list, single axis or `undefined` (all) for a tensor of `rank`. */
  axes(rank: number): number | number[] | undefined {
    const r = this.rng.next();
    if (rank === 0 || r < 0.3) return r < 0.02 ? [] : undefined;
    if (r < 0.7) return spellAxis(this.rng, this.rng.int(0, rank - 1), rank);
    const chosen = this.rng.subset(Array.from({ length: rank }, (_, i) => i));
    return this.rng.shuffle(chosen.length > 0 ? chosen : [0]).map((a) => spellAxis(this.rng, a, rank));
  }

  // ── adapters and guards ─────────────────────────────────────────────────────

  /** `v` brought to exactly `shape`: by reshape, a reduction, broadcasting, slicing, padding or concatenation. */
  fit(v: Value, shape: readonly number[]): Value {
    const target = shape.slice();
    if (sameShape(v.tensor.shape, target)) return v;
    const n = v.tensor.size;
    const m = sizeOf(target);
    if (n === m) return this.emit('reshape', [v], { shape: this.#spell(target) });
    if (n > m && this.rng.chance(0.5)) {
      const reduced = this.#reduceTo(v, target);
      if (reduced !== null) return reduced;
    }
    if (n === 1 && this.rng.chance(0.7)) {
      const scalar = v.tensor.ndim === 0 ? v : this.emit('reshape', [v], { shape: [] });
      return this.emit('broadcastTo', [scalar], { shape: target });
    }
    let flat = v.tensor.ndim === 1 ? v : this.emit('flatten', [v], {});
    if (n > m) {
      const start = this.rng.int(0, n - m);
      flat = this.emit('slice', [flat], { starts: [start], ends: [start + m] });
    } else if (n > 0 && m <= 3 * n && this.rng.chance(0.4)) {
      const copies = Array.from({ length: Math.ceil(m / n) + (this.rng.chance(0.5) ? 1 : 0) }, () => flat);
      const joined = this.emit('concat', copies, {});
      const start = this.rng.int(0, joined.tensor.size - m);
      flat = this.emit('slice', [joined], { starts: [start], ends: [start + m] });
    } else {
      const before = this.rng.int(0, m - n);
      flat = this.emit('pad', [flat], { widths: [[before, m - n - before]], value: this.rng.pick([undefined, 0.5, -1]) });
    }
    return sameShape(flat.tensor.shape, target) ? flat : this.emit('reshape', [flat], { shape: this.#spell(target) });
  }

  /** `shape`, with one extent written as −1 now and then. */
  #spell(shape: readonly number[]): number[] {
    const spelled = shape.slice();
    if (spelled.length > 0 && sizeOf(shape) > 0 && this.rng.chance(0.3)) spelled[this.rng.int(0, spelled.length - 1)] = -1;
    return spelled;
  }

  /**
   * `v` summed or averaged down to `target` when `target` is v's shape with some axes removed
   * (keepdims false) or set to 1 (keepdims true); null otherwise.
   */
  #reduceTo(v: Value, target: readonly number[]): Value | null {
    const shape = v.tensor.shape;
    let axes: number[] | null = null;
    let keepdims = false;
    if (target.length === shape.length) {
      if (target.every((e, i) => e === shape[i] || e === 1)) {
        axes = shape.flatMap((e, i) => (target[i] === 1 && e !== 1 ? [i] : []));
        keepdims = true;
      }
    } else if (target.length < shape.length) {
      // Match target as a subsequence of shape, greedily from the left; the rest are reduced.
      const kept: number[] = [];
      for (let i = 0; i < shape.length && kept.length < target.length; i++) if (shape[i] === target[kept.length]) kept.push(i);
      if (kept.length === target.length) axes = shape.flatMap((_, i) => (kept.includes(i) ? [] : [i]));
    }
    if (axes === null || axes.length === 0) return null;
    const spelled = axes.map((a) => spellAxis(this.rng, a, shape.length));
    const axis = spelled.length === 1 && this.rng.chance(0.5) ? spelled[0] : spelled;
    return this.emit(this.rng.chance(0.6) ? 'sum' : 'mean', [v], { axis, keepdims });
  }

  /** `v` moved into [0.2, BOUND] when it is not there already (log, sqrt, pow's base). */
  positive(v: Value): Value {
    if (v.tensor.size === 0 || minOf(v.tensor) >= POLE_MARGIN) return v;
    const guard = { role: 'guard' } as const;
    switch (this.rng.int(0, 3)) {
      case 0:
        return this.emit('exp', [this.emit('tanh', [v], {}, guard)], {}, guard);
      case 1:
        return this.emit('add', [this.emit('sigmoid', [v], {}, guard)], { number: POLE_MARGIN }, guard);
      case 2:
        return this.emit('add', [this.emit('mul', [v, v], {}, guard)], { number: 0.5 }, guard);
      default:
        return this.emit('add', [this.emit('abs', [v], {}, guard)], { number: 0.3 }, guard);
    }
  }

  /** `v` kept at least POLE_MARGIN away from 0 (a divisor). */
  nonzero(v: Value): Value {
    if (v.tensor.size === 0 || minAbs(v.tensor) >= POLE_MARGIN) return v;
    const positive = this.positive(v);
    return this.rng.chance(0.3) ? this.emit('neg', [positive], {}, { role: 'guard' }) : positive;
  }

  /** `v` brought within ±limit (exp's argument, pow's exponent). */
  bounded(v: Value, limit: number): Value {
    if (maxAbs(v.tensor) <= limit) return v;
    if (this.rng.chance(0.5)) return this.emit('tanh', [v], {}, { role: 'guard' });
    return this.emit('mul', [v], { number: round3((0.9 * limit) / maxAbs(v.tensor)) }, { role: 'guard' });
  }

  // ── the output ──────────────────────────────────────────────────────────────

  /**
   * Sums a random projection of every value nothing reads (the sinks: the last value, unused
   * leaves, the ends of forks) into the scalar output, so every step and every leaf matters.
   */
  finish(): void {
    const sinks = this.#values.filter((v) => !this.#read.has(v.id) && !this.#retired.has(v.id));
    let total: Value | null = null;
    for (const sink of sinks) {
      const sign = () => (this.rng.chance(0.5) ? -1 : 1);
      const weights = Float64Array.from({ length: sink.tensor.size }, () => sign() * round3(0.5 + this.rng.next()));
      const consts = [tensor(weights, { shape: sink.tensor.shape.slice() })];
      const projected = this.emit('project', [sink], {}, { consts, role: 'output' });
      total = total === null ? projected : this.emit('add', [total, projected], {}, { role: 'output' });
    }
    this.output = total!.id;
  }
}
