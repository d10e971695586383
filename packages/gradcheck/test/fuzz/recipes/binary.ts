/**
 * Recipes for the broadcasting binary ops and `where`. Operands are pairs from the pool that
 * broadcast (a value with itself makes a diamond), or a value and one fitted to a partner shape,
 * or a tensor and a plain number. Divisors keep 0.2 from zero; pow's base is moved into [0.2, 4]
 * unless the exponent is a small integer. Misuses: shapes that cannot broadcast, and a plain
 * array where a tensor belongs.
 */
import { add, div, formatShape, maximum, minimum, mul, pow, sizeOf, sub, type Tensor, type TensorLike, tensor, where } from '@tapegrad/tensor';
import { broadcastOf, type Builder, MAX_SIZE, type Value } from '../builder.js';
import { recipe, type Recipe } from '../recipe.js';

interface BinaryAttrs {
  /** A plain number in place of one tensor operand. */
  readonly number?: number;
  /** Whether the number is the first operand (`sub(2, x)`). */
  readonly numberFirst?: boolean;
  /** Misuse: pass a plain array as the second operand. */
  readonly plainArray?: boolean;
}

type BinaryFunction = (a: TensorLike, b: TensorLike) => Tensor;

function runBinary(fn: BinaryFunction) {
  return ([a, b]: readonly Tensor[], { number, numberFirst, plainArray }: BinaryAttrs): Tensor => {
    if (plainArray) return fn(a, [1, 2] as unknown as Tensor);
    if (number === undefined) return fn(a, b);
    return numberFirst ? fn(number, a) : fn(a, number);
  };
}

/** Two operands that broadcast together, in either order. */
function pair(b: Builder): [Value, Value] {
  const x = b.pick({ minSize: 0 });
  const y = b.partnerOf(x);
  return b.rng.chance(0.5) ? [x, y] : [y, x];
}

/** A value with an extent ≥ 2 and a value whose shape clashes with it on that axis. */
function clashing(b: Builder): [Value, Value] {
  let x = b.pick({ minRank: 1, accept: (v) => v.tensor.shape.some((e) => e >= 2) });
  if (!x.tensor.shape.some((e) => e >= 2)) x = b.fit(x, [b.rng.int(2, 4)]);
  const shape = x.tensor.shape;
  const axes = shape.flatMap((e, i) => (e >= 2 ? [i] : []));
  const axis = b.rng.pick(axes);
  const other = shape.slice(b.rng.int(0, axis)).map((e, i, kept) => (i === kept.length - (shape.length - axis) ? e + b.rng.int(1, 2) : e));
  const y = b.shaped(other);
  return b.rng.chance(0.5) ? [x, y] : [y, x];
}

function misuseBinary(op: string) {
  return (b: Builder): boolean => {
    if (b.rng.chance(0.15)) return b.misuse(op, [b.any()], { plainArray: true }, ['plain array']);
    const [x, y] = clashing(b);
    return b.misuse(op, [x, y], {}, [formatShape(x.tensor.shape), formatShape(y.tensor.shape), 'cannot broadcast']);
  };
}

/** add, sub, mul, maximum, minimum: any operands. */
function plainBinary(op: string, fn: BinaryFunction): Recipe<BinaryAttrs> {
  return recipe<BinaryAttrs>({
    op,
    produces: [op],
    run: runBinary(fn),
    build: (b) => {
      if (b.rng.chance(0.2)) {
        return b.draw(op, [b.pick({ minSize: 0 })], { number: b.rng.pick([0.5, -1, 2, 0, 1.5]), numberFirst: b.rng.chance(0.5) });
      }
      return b.draw(op, pair(b));
    },
    misuse: misuseBinary(op),
  });
}

interface WhereAttrs {
  /** When set, the mask is `inputs[0] > threshold`, computed at run time; else it is `consts[0]`. */
  readonly threshold?: number;
  /** A plain number as the `b` operand. */
  readonly numberB?: number;
}

/**
 * A threshold at least 2e-3 from every value of `x` (so perturbing a leaf by gradcheck's 1e-6
 * cannot flip the mask), or null when the values leave no such gap.
 */
function thresholdFor(b: Builder, x: Tensor): number | null {
  const values = Array.from(x.buffer).sort((p, q) => p - q);
  if (values.length === 0) return null;
  const options = [values[0] - 0.5, values[values.length - 1] + 0.5];
  for (let i = 1; i < values.length; i++) if (values[i] - values[i - 1] >= 4e-3) options.push((values[i] + values[i - 1]) / 2);
  const t = b.rng.pick(options);
  const rounded = Math.round(t * 1e4) / 1e4;
  return values.every((v) => Math.abs(v - rounded) >= 2e-3) ? rounded : t;
}

const whereRecipe = recipe<WhereAttrs>({
  op: 'where',
  produces: ['where'],
  comparedOnly: ({ threshold }) => (threshold === undefined ? [] : [0]),
  run: (inputs, { threshold, numberB }, consts) => {
    let i = 0;
    const cond = threshold === undefined ? consts[0] : inputs[i++].gt(threshold);
    const a = inputs[i++];
    return where(cond, a, numberB ?? inputs[i]);
  },
  build: (b) => {
    const a = b.pick({ minSize: 0 });
    const numberB = b.rng.chance(0.2) ? b.rng.pick([0, -1, 0.5]) : undefined;
    const other = numberB === undefined ? [b.partnerOf(a)] : [];
    const shape = other.length > 0 ? broadcastOf(a.tensor.shape, other[0].tensor.shape)! : a.tensor.shape.slice();
    if (b.rng.chance(0.4)) {
      const sources = b.candidates().filter((c) => {
        const result = broadcastOf(c.tensor.shape, shape);
        return result !== null && sizeOf(result) <= MAX_SIZE;
      });
      if (sources.length > 0) {
        const source = b.prefer(sources);
        const threshold = thresholdFor(b, source.tensor);
        if (threshold !== null) return b.draw('where', [source, a, ...other], { threshold, numberB });
      }
    }
    const maskShape = b.broadcastPartner(shape);
    // Any nonzero entry selects a, not only 1.
    const mask = Int32Array.from({ length: sizeOf(maskShape) }, () => (b.rng.chance(0.5) ? 0 : b.rng.pick([1, 1, 1, 2, -3])));
    return b.draw('where', [a, ...other], { numberB }, [tensor(mask, { shape: maskShape })]);
  },
  misuse: (b) => {
    const [x, y] = clashing(b);
    const mask = tensor(Int32Array.from([1]), { shape: [] });
    return b.misuse('where', [x, y], {}, [formatShape(x.tensor.shape), formatShape(y.tensor.shape), 'cannot broadcast'], [mask]);
  },
});

export const binaryRecipes: readonly Recipe[] = [
  plainBinary('add', add),
  plainBinary('sub', sub),
  plainBinary('mul', mul),
  plainBinary('maximum', maximum),
  plainBinary('minimum', minimum),
  recipe<BinaryAttrs>({
    op: 'div',
    produces: ['div'],
    run: runBinary(div),
    build: (b) => {
      const r = b.rng.next();
      if (r < 0.2) return b.draw('div', [b.pick({ minSize: 0 })], { number: b.rng.pick([2, -0.5, 4, 1.5]) });
      if (r < 0.3) return b.draw('div', [b.nonzero(b.pick({ minSize: 0 }))], { number: b.rng.pick([1, -2]), numberFirst: true });
      const x = b.pick({ minSize: 0 });
      const divisor = b.nonzero(b.partnerOf(x));
      return b.draw('div', [x, divisor]);
    },
    misuse: misuseBinary('div'),
  }),
  recipe<BinaryAttrs>({
    op: 'pow',
    produces: ['pow'],
    run: runBinary(pow),
    build: (b) => {
      const r = b.rng.next();
      // A small integer exponent takes any base, negative ones included.
      if (r < 0.3) return b.draw('pow', [b.bounded(b.pick({ minSize: 0 }), 2)], { number: b.rng.pick([2, 3]) });
      if (r < 0.5) return b.draw('pow', [b.bounded(b.pick({ minSize: 0 }), 2)], { number: b.rng.pick([2, 0.5, 3]), numberFirst: true });
      const base = b.positive(b.pick({ minSize: 0 }));
      const exponent = b.bounded(b.partnerOf(base), 2);
      return b.draw('pow', [base, exponent]);
    },
    misuse: misuseBinary('pow'),
  }),
  whereRecipe,
];
