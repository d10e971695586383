/**
 * The base every optimizer shares: parameter groups, per-parameter state, `step`, `zeroGrad`
 * and the state dict. A concrete optimizer supplies its hyperparameter checks, its initial
 * state and a pure step function on one parameter.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { checkParameter, type ParamGroup, type ParamGroupInput, type ParamsInput, toGroupInputs } from './param-groups.js';
import { buildStateDict, type OptimizerStateDict, readStateDict, type StateFields } from './state-dict.js';

/**
 * An optimizer: `H` is its hyperparameters (`{ lr, … }`), `S` the state it keeps per
 * parameter. Subclass it to write your own, as with PyTorch's `torch.optim.Optimizer`.
 *
 * ```ts
 * const opt = new Adam(model.parameters(), { lr: 1e-3 });
 * for (const batch of loader) {
 *   opt.zeroGrad();
 *   loss(model, batch).backward();
 *   opt.step();
 * }
 * ```
 */
export abstract class Optimizer<H extends { lr: number }, S extends object> {
  /** The optimizer's name, as it appears in errors. */
  readonly name: string;
  /** The hyperparameters a group gets unless it overrides them. */
  readonly defaults: Readonly<H>;
  /**
   * The parameter groups, each with its own hyperparameters. Schedulers (and you) may change
   * a group's values, e.g. `opt.paramGroups[0].lr = 0.01`; the next `step()` uses them.
   */
  readonly paramGroups: ParamGroup<H>[] = [];
  /**
   * Per-parameter state under PyTorch's names in camelCase (`step`, `momentumBuffer`, `expAvg`,
   * …). Created on a parameter's first step (AdaGrad's with the optimizer, as in PyTorch);
   * set an entry before that to seed it.
   */
  readonly state = new Map<Tensor, S>();

  /**
   * Checks `options` against `defaults` (every key must be a known hyperparameter) and
   * `params` (float leaves that require grad, each listed once), then builds the groups.
   */
  protected constructor(name: string, params: ParamsInput<H>, defaults: H, options: Partial<H>) {
    this.name = name;
    this.defaults = this.resolve(defaults, options, '');
    const { groups, grouped } = toGroupInputs(name, params);
    groups.forEach((group, g) => this.#add(group, grouped ? (i) => `params[${g}].params[${i}]` : (i) => `params[${i}]`, grouped ? `params[${g}].` : ''));
  }

  /** Adds a group of parameters, with hyperparameters overriding the defaults (PyTorch's `add_param_group`). */
  addParamGroup(group: ParamGroupInput<H>): void {
    this.#add(group, (i) => `addParamGroup: params[${i}]`, 'addParamGroup: ');
  }

  #add(group: ParamGroupInput<H>, where: (i: number) => string, prefix: string): void {
    const { params, ...overrides } = group;
    const hyper = this.resolve(this.defaults, overrides as unknown as Partial<H>, prefix);
    const seen = new Set(this.paramGroups.flatMap((g) => g.params));
    const list = [...(params ?? [])];
    list.forEach((param, i) => {
      checkParameter(this.name, where(i), param, seen);
      seen.add(param);
    });
    this.paramGroups.push({ ...hyper, params: list });
    this.onGroupAdded(this.paramGroups[this.paramGroups.length - 1]);
  }

  /** `base` with `overrides` applied (arrays copied so groups never share one), validated. */
  private resolve(base: Readonly<H>, overrides: Partial<H>, prefix: string): H {
    const known = Object.keys(base);
    const merged = { ...base } as Record<string, unknown>;
    for (const [key, value] of Object.entries(overrides)) {
      if (!known.includes(key)) throw new Error(`${this.name}: unknown option '${prefix}${key}'; the options are ${known.join(', ')}`);
      if (value !== undefined) merged[key] = value;
    }
    for (const [key, value] of Object.entries(merged)) if (Array.isArray(value)) merged[key] = [...value];
    this.validate(merged as H, prefix);
    return merged as H;
  }

  /**
   * Updates every parameter that has a gradient by one step; a parameter whose `.grad` is
   * null (unused in this loss) is skipped and its state left untouched, as in PyTorch.
   */
  step(): void {
    for (const group of this.paramGroups) {
      for (const param of group.params) {
        const grad = param.grad;
        if (grad === null) continue;
        let state = this.state.get(param);
        if (state === undefined) {
          state = this.initialState(param, group);
          this.state.set(param, state);
        }
        this.update(param, grad, state, group);
      }
    }
  }

  /** Sets every parameter's `.grad` to null (PyTorch's `zero_grad(set_to_none=True)`). */
  zeroGrad(): void {
    for (const group of this.paramGroups) for (const param of group.params) param.grad = null;
  }

  /**
   * The state in PyTorch's layout: parameters as indices counted through the groups, state
   * Tensors copied, so later steps do not change the returned dict.
   */
  stateDict(): OptimizerStateDict {
    return buildStateDict(this);
  }

  /**
   * Replaces the groups' hyperparameters and the per-parameter state with `dict`'s (copied).
   * The dict must come from an optimizer of the same kind over parameters of the same shapes in
   * the same groups; anything else throws before changing anything, naming the key. Training
   * then continues exactly as it would have without the round trip. A state tensor may also be
   * given as a nested number array (`x.toArray()`), so a dict kept as JSON loads back.
   */
  loadStateDict(dict: OptimizerStateDict): void {
    const loaded = readStateDict(this, dict, Object.keys(this.defaults), this.stateFields());
    const groups = loaded.hyperparameters.map((hyper, g) => {
      const { params, ...current } = this.paramGroups[g];
      return { ...this.resolve(current as unknown as H, hyper as Partial<H>, `loadStateDict: paramGroups[${g}].`), params };
    });
    groups.forEach((group, g) => Object.assign(this.paramGroups[g], group));
    this.state.clear();
    for (const [param, state] of loaded.state) this.state.set(param, state as S);
  }

  /** Throws if a hyperparameter is out of range; `prefix` locates the group in the message. */
  protected abstract validate(hyperparameters: H, prefix: string): void;

  /** The state of a parameter before its first step. */
  protected abstract initialState(param: Tensor, hyperparameters: H): S;

  /** One step on one parameter: the optimizer's pure step function. */
  protected abstract update(param: Tensor, grad: Tensor, state: S, hyperparameters: H): void;

  /** The state entries this optimizer keeps, for checking a loaded state dict. */
  protected abstract stateFields(): StateFields;

  /** Called after a group is added; AdaGrad creates its state here, as PyTorch does in its constructor. */
  protected onGroupAdded(_group: ParamGroup<H>): void {}
}
