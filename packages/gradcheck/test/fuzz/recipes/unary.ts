/**
 * Recipes for the elementwise unary ops and the copies (`astype`, `clone`). Domains come first:
 * log and sqrt read a value moved into [0.2, 4], exp one within ±3; the kinks of abs, relu,
 * leakyRelu and clamp are left to gradcheck, which reports them apart.
 */
import { abs, clamp, clone, type Dtype, exp, leakyRelu, log, neg, relu, sigmoid, sqrt, tanh, type Tensor } from '@tapegrad/tensor';
import { type Builder, round3, type Value } from '../builder.js';
import { recipe, type Recipe } from '../recipe.js';

/** A recipe for `fn(x)`, with `prepare` moving x into the op's domain. */
function unary(op: string, fn: (x: Tensor) => Tensor, prepare: (b: Builder, v: Value) => Value = (_b, v) => v): Recipe<object> {
  return recipe<object>({
    op,
    produces: [op],
    run: ([x]) => fn(x),
    build: (b) => b.draw(op, [prepare(b, b.pick({ minSize: 0 }))]),
  });
}

interface SlopeAttrs {
  readonly slope?: number;
}

interface ClampAttrs {
  readonly min?: number;
  readonly max?: number;
}

interface AstypeAttrs {
  readonly dtype: string;
}

export const unaryRecipes: readonly Recipe[] = [
  unary('neg', neg),
  unary('abs', abs),
  unary('tanh', tanh),
  unary('sigmoid', sigmoid),
  unary('relu', relu),
  unary('exp', exp, (b, v) => b.bounded(v, 3)),
  unary('log', log, (b, v) => b.positive(v)),
  unary('sqrt', sqrt, (b, v) => b.positive(v)),
  recipe<SlopeAttrs>({
    op: 'leakyRelu',
    produces: ['leakyRelu'],
    run: ([x], { slope }) => (slope === undefined ? leakyRelu(x) : leakyRelu(x, slope)),
    build: (b) => b.draw('leakyRelu', [b.pick({ minSize: 0 })], { slope: b.rng.pick([undefined, 0.01, 0.2, 0.5, -0.3]) }),
    misuse: (b) => {
      const slope = b.rng.pick([NaN, Infinity]);
      return b.misuse('leakyRelu', [b.any()], { slope }, [`got ${slope}`]);
    },
  }),
  recipe<ClampAttrs>({
    op: 'clamp',
    produces: ['clamp'],
    run: ([x], { min, max }) => clamp(x, min, max),
    build: (b) => {
      const low = round3(-1.5 + 2 * b.rng.next());
      const high = round3(low + 0.1 + 2 * b.rng.next());
      const sides = b.rng.int(0, 4);
      return b.draw('clamp', [b.pick({ minSize: 0 })], { min: sides === 3 ? undefined : low, max: sides === 4 ? undefined : high });
    },
    misuse: (b) => b.misuse('clamp', [b.any()], { min: 1, max: -1 }, ['min 1', 'max -1']),
  }),
  recipe<AstypeAttrs>({
    op: 'astype',
    produces: ['astype'],
    // float64 → float64: a float32 round trip would make the float64 gradient check meaningless.
    // Now and then through int32 and back, times 0: an int32 result is never on the tape, so the
    // step cuts the graph (checked by checked-run.ts), and the 0 keeps the program differentiable
    // where truncation jumps.
    run: ([x], { dtype }) => (dtype === 'int32' ? x.astype('int32').mul(0).astype('float64') : x.astype(dtype as Dtype)),
    comparedOnly: ({ dtype }) => (dtype === 'int32' ? [0] : []),
    cutsGraph: ({ dtype }) => dtype === 'int32',
    build: (b) => b.draw('astype', [b.pick({ minSize: 0 })], { dtype: b.rng.chance(0.2) ? 'int32' : 'float64' }),
    misuse: (b) => b.misuse('astype', [b.any()], { dtype: 'float16' }, ['"float16"']),
  }),
  recipe<object>({
    op: 'clone',
    produces: ['clone'],
    run: ([x]) => clone(x),
    build: (b) => b.draw('clone', [b.pick({ minSize: 0 })]),
  }),
];
