/**
 * `mean`, `var` and `std`: composites of `sum`, so their gradients come for free. Like numpy,
 * `var` and `std` divide by N − ddof with ddof = 0 by default.
 * @module
 */
import { defineComposite, type FastCheckModule } from '../op.js';
import { normalizeAxes } from '../shape.js';
import { axesArb, shapeArb, tensorArb } from '../sampling.js';
import type { Tensor } from '../tensor.js';
import { floatOperand } from './operands.js';

/** Options of `var` and `std`. */
export interface VarianceOptions {
  /** Delta degrees of freedom: divide by N − ddof (default 0, numpy's; 1 for the unbiased estimate). */
  readonly ddof?: number;
}

/** How many elements each result averages over. */
function countOf(shape: readonly number[], axis: number | readonly number[] | undefined, op: string): number {
  return normalizeAxes(op, axis, shape).reduce((n, a) => n * shape[a], 1);
}

/** Mean over `axis` (all axes when omitted); int32 input gives a float result. */
export function mean(x: Tensor, axis?: number | readonly number[], keepdims = false): Tensor {
  const input = floatOperand('mean', x);
  // Count first: it validates the axes, so a bad axis is reported as mean's, not sum's.
  const n = countOf(input.shape, axis, 'mean');
  return input.sum(axis, keepdims).div(n);
}

/**
 * Variance over `axis`: mean of squared deviations, divided by N − ddof instead of N when ddof > 0.
 * Exported as `var` (numpy's name) and as `variance`, since `var` cannot be imported unrenamed.
 */
export function variance(x: Tensor, axis?: number | readonly number[], keepdims = false, options: VarianceOptions = {}): Tensor {
  return varianceAs('var', x, axis, keepdims, options);
}

/** Standard deviation over `axis`: `sqrt(var)`. */
export function std(x: Tensor, axis?: number | readonly number[], keepdims = false, options: VarianceOptions = {}): Tensor {
  return varianceAs('std', x, axis, keepdims, options).sqrt();
}

/** The variance, with errors reported under `op` (`var` or `std`). */
function varianceAs(op: string, x: Tensor, axis: number | readonly number[] | undefined, keepdims: boolean, { ddof = 0 }: VarianceOptions): Tensor {
  const input = floatOperand(op, x);
  const n = countOf(input.shape, axis, op);
  if (!Number.isInteger(ddof) || ddof < 0) throw new Error(`${op}: ddof must be an integer ≥ 0, got ${ddof}`);
  const deviation = input.sub(input.mean(axis, true));
  // numpy divides by max(N − ddof, 0): past N degrees of freedom the variance is inf, not negative.
  return deviation.mul(deviation).sum(axis, keepdims).div(Math.max(n - ddof, 0));
}

interface StatisticAttrs {
  readonly axis: number | number[] | undefined;
  readonly keepdims: boolean;
  readonly ddof: number;
}

/** Inputs averaging over at least `minSize` + ddof elements (filtered outside the chain, so no shape can stall it). */
function sampleStatistic(minSize: number) {
  return (fc: FastCheckModule) =>
    shapeArb(fc)
      .chain((shape) => fc.tuple(tensorArb(fc, shape), axesArb(fc, shape.length), fc.boolean(), fc.constantFrom(0, 1)))
      .filter(([x, axis, , ddof]) => countOf(x.shape, axis, 'sample') >= minSize + ddof)
      .map(([x, axis, keepdims, ddof]) => ({ inputs: [x], attrs: { axis, keepdims, ddof } }));
}

defineComposite<{ axis: number | number[] | undefined; keepdims: boolean }>({
  name: 'mean',
  call: ([x], { axis, keepdims }) => mean(x, axis, keepdims),
  sample: (fc) =>
    shapeArb(fc, { minExtent: 1 })
      .chain((shape) => fc.tuple(tensorArb(fc, shape), axesArb(fc, shape.length), fc.boolean()))
      .map(([x, axis, keepdims]) => ({ inputs: [x], attrs: { axis, keepdims } })),
});

defineComposite<StatisticAttrs>({
  name: 'var',
  call: ([x], { axis, keepdims, ddof }) => variance(x, axis, keepdims, { ddof }),
  sample: sampleStatistic(1),
});

defineComposite<StatisticAttrs>({
  name: 'std',
  call: ([x], { axis, keepdims, ddof }) => std(x, axis, keepdims, { ddof }),
  // std has a kink where the variance is 0; two or more distinct values keep it away.
  sample: (fc) => sampleStatistic(2)(fc).filter(({ inputs: [x], attrs }) => x.var(attrs.axis, false).min().item() > 1e-2),
});
