/**
 * Parameter groups: an optimizer takes either a list of parameters or a list of groups, each
 * group with its own parameters and hyperparameter overrides, as PyTorch's `param_groups`.
 * @module
 */
import { describeTensor, Tensor } from '@tapegrad/tensor';

/**
 * A parameter group as the user passes it: parameters plus hyperparameters that override the
 * optimizer's defaults for those parameters only.
 *
 * ```ts
 * new SGD([{ params: body.parameters() }, { params: head.parameters(), lr: 0.1 }], { lr: 0.01, momentum: 0.9 });
 * ```
 */
export type ParamGroupInput<H> = { params: Iterable<Tensor> } & Partial<H>;

/** What an optimizer's constructor accepts: parameters, or groups of them. */
export type ParamsInput<H> = Iterable<Tensor> | Iterable<ParamGroupInput<H>>;

/**
 * A parameter group as the optimizer holds it: the parameters and every hyperparameter
 * resolved. Change a value here (a scheduler sets `lr`) and the next `step()` uses it.
 */
export type ParamGroup<H> = H & { params: Tensor[] };

/**
 * Splits the constructor's `params` argument into groups; plain tensors become one group
 * (`grouped` false, so errors can say `params[3]` as the user wrote it).
 */
export function toGroupInputs<H>(owner: string, params: ParamsInput<H>): { groups: ParamGroupInput<H>[]; grouped: boolean } {
  if (params === null || typeof params !== 'object' || typeof (params as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new Error(`${owner}: params must be an array of Tensors or of parameter groups { params, ...overrides }, got ${params === null ? 'null' : typeof params}`);
  }
  const items = [...(params as Iterable<Tensor | ParamGroupInput<H>>)];
  if (items.length === 0) throw new Error(`${owner}: params is empty; pass at least one parameter (e.g. model.parameters())`);
  if (items.every((item) => item instanceof Tensor)) return { groups: [{ params: items as Tensor[] } as unknown as ParamGroupInput<H>], grouped: false };
  items.forEach((item, i) => {
    if (item instanceof Tensor || item === null || typeof item !== 'object' || !('params' in item)) {
      throw new Error(`${owner}: params[${i}] is ${describeItem(item)}; pass either Tensors only or parameter groups { params, ...overrides } only`);
    }
  });
  return { groups: items as ParamGroupInput<H>[], grouped: true };
}

function describeItem(item: unknown): string {
  if (item instanceof Tensor) return `a Tensor ${describeTensor(item)}`;
  if (item === null || typeof item !== 'object') return item === null ? 'null' : `a ${typeof item}`;
  return 'an object without a params list';
}

/**
 * Checks that `param` can be optimized: a float leaf that requires grad, not already in
 * `seen` (a parameter in two groups would be stepped twice per `step()`).
 */
export function checkParameter(owner: string, where: string, param: unknown, seen: ReadonlySet<Tensor>): asserts param is Tensor {
  if (!(param instanceof Tensor)) {
    throw new Error(`${owner}: ${where} is ${param === null ? 'null' : typeof param}, not a Tensor; an optimizer can only update Tensors`);
  }
  const what = `${where} ${describeTensor(param)}`;
  if (param.dtype === 'int32') throw new Error(`${owner}: ${what} is int32; only float tensors can be optimized — convert it with astype('float64')`);
  if (!param.requiresGrad) throw new Error(`${owner}: ${what} does not require grad; create it with { requiresGrad: true } (or call .requiresGrad_()) so backward fills its .grad`);
  if (!param.isLeaf) throw new Error(`${owner}: ${what} is not a leaf (it was computed from other tensors); optimize the tensors it was computed from, or a .detach().requiresGrad_() copy`);
  if (seen.has(param)) throw new Error(`${owner}: ${what} appears more than once; each parameter may be listed once, in one group only`);
}
