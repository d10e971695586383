/**
 * An optimizer's state as a plain object in PyTorch's `state_dict()` layout: parameters are
 * named by their index in group order, so the dict can be saved without the tensors' identity
 * and loaded into a fresh optimizer over the same model.
 * @module
 */
import { describeTensor, formatShape, noGrad, sameShape, Tensor, tensor } from '@tapegrad/tensor';
import { formatValue } from './validate.js';

/** A hyperparameter's value as it appears in a state dict. */
export type HyperparameterValue = number | boolean | number[] | string;

/**
 * PyTorch's `optimizer.state_dict()` layout. `state` maps a parameter's index (as a string,
 * counting through the groups in order) to its state — `step` a number, the rest Tensors.
 * `paramGroups` holds each group's hyperparameters and the indices of its parameters.
 *
 * ```ts
 * { state: { '0': { step: 3, expAvg: Tensor, expAvgSq: Tensor } },
 *   paramGroups: [{ lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, params: [0, 1] }] }
 * ```
 */
export interface OptimizerStateDict {
  /** Per-parameter state, keyed by parameter index; parameters without state are absent. */
  state: Record<string, Record<string, Tensor | number>>;
  /** Each group's hyperparameters and the indices of its parameters. */
  paramGroups: Array<Record<string, HyperparameterValue> & { params: number[] }>;
}

/** The state entries an optimizer keeps per parameter: `step` is a number, the rest Tensors. */
export interface StateFields {
  /** Entries every state has. */
  readonly required: readonly string[];
  /** Entries that exist only with some options (`maxExpAvgSq` with amsgrad …). */
  readonly optional: readonly string[];
}

/** What saving and loading need to see of an optimizer. */
export interface StateDictSource {
  readonly name: string;
  readonly paramGroups: ReadonlyArray<{ params: Tensor[] }>;
  readonly state: ReadonlyMap<Tensor, object>;
}

/** A copy with its own storage, in `dtype`, never attached to a graph. */
function copyTensor(x: Tensor, dtype = x.dtype): Tensor {
  const copy = tensor(x.buffer.slice(), { shape: [...x.shape] });
  return dtype === copy.dtype ? copy : noGrad(() => copy.astype(dtype));
}

function copyValue<T>(value: T): T {
  if (value instanceof Tensor) return copyTensor(value) as T;
  return (Array.isArray(value) ? [...value] : value) as T;
}

/** Builds the dict; every Tensor and array is a copy, so later steps leave it unchanged. */
export function buildStateDict(optimizer: StateDictSource): OptimizerStateDict {
  const state: OptimizerStateDict['state'] = {};
  let index = 0;
  const paramGroups = optimizer.paramGroups.map((group) => {
    const entry: Record<string, HyperparameterValue> = {};
    for (const [key, value] of Object.entries(group)) if (key !== 'params') entry[key] = copyValue(value as unknown as HyperparameterValue);
    const params: number[] = [];
    for (const param of group.params) {
      const paramState = optimizer.state.get(param) as Record<string, Tensor | number | undefined> | undefined;
      const saved: Record<string, Tensor | number> = {};
      for (const [key, value] of Object.entries(paramState ?? {})) if (value !== undefined) saved[key] = copyValue(value);
      if (Object.keys(saved).length > 0) state[String(index)] = saved;
      params.push(index++);
    }
    return { ...entry, params };
  });
  return { state, paramGroups };
}

/** A state dict checked against the optimizer and copied, ready to replace its groups and state. */
export interface LoadedState {
  /** Each group's hyperparameters, in group order. */
  readonly hyperparameters: Record<string, HyperparameterValue>[];
  /** The new per-parameter state. */
  readonly state: Map<Tensor, Record<string, Tensor | number>>;
}

/**
 * Checks `dict` against the optimizer — group count and sizes, hyperparameter names, state
 * names, state tensor shapes — and returns copies cast to each parameter's dtype. Throws
 * before anything is changed, naming the key and, for shapes, both shapes.
 */
export function readStateDict(
  optimizer: StateDictSource,
  dict: OptimizerStateDict,
  hyperparameterNames: readonly string[],
  fields: StateFields,
): LoadedState {
  const owner = `${optimizer.name}.loadStateDict`;
  if (dict === null || typeof dict !== 'object' || !Array.isArray(dict.paramGroups) || dict.state === null || typeof dict.state !== 'object') {
    throw new Error(`${owner}: expected { state, paramGroups } as returned by stateDict(), got ${dict === null ? 'null' : typeof dict}`);
  }
  const extra = Object.keys(dict).filter((key) => key !== 'state' && key !== 'paramGroups');
  if (extra.length > 0) throw new Error(`${owner}: unknown key '${extra[0]}'; a state dict has only 'state' and 'paramGroups'`);
  const groups = optimizer.paramGroups;
  if (dict.paramGroups.length !== groups.length) {
    throw new Error(`${owner}: the dict has ${dict.paramGroups.length} parameter group(s) but the optimizer has ${groups.length}`);
  }
  // Saved indices map to this optimizer's parameters by position, group by group, as in PyTorch.
  const parameterOf = new Map<string, Tensor>();
  const hyperparameters = dict.paramGroups.map((saved, g) => {
    const where = `paramGroups[${g}]`;
    if (!Array.isArray(saved.params) || saved.params.length !== groups[g].params.length) {
      const count = Array.isArray(saved.params) ? `lists ${saved.params.length} parameter(s)` : 'has no params list';
      throw new Error(`${owner}: ${where} ${count} but the optimizer's group ${g} has ${groups[g].params.length}`);
    }
    saved.params.forEach((id, i) => {
      const key = String(id);
      if (!Number.isInteger(id) || parameterOf.has(key)) {
        throw new Error(`${owner}: ${where}.params[${i}] = ${formatValue(id)} must be a parameter index that appears once`);
      }
      parameterOf.set(key, groups[g].params[i]);
    });
    const hyper: Record<string, HyperparameterValue> = {};
    for (const [key, value] of Object.entries(saved)) {
      if (key === 'params') continue;
      if (!hyperparameterNames.includes(key)) {
        throw new Error(`${owner}: unknown hyperparameter '${key}' in ${where}; ${optimizer.name} has ${hyperparameterNames.join(', ')}`);
      }
      hyper[key] = copyValue(value);
    }
    return hyper;
  });

  const allowed = [...fields.required, ...fields.optional];
  const state = new Map<Tensor, Record<string, Tensor | number>>();
  for (const [key, entry] of Object.entries(dict.state)) {
    const param = parameterOf.get(key);
    if (param === undefined) throw new Error(`${owner}: state['${key}'] names no parameter; the groups list indices ${[...parameterOf.keys()].join(', ')}`);
    if (entry === null || typeof entry !== 'object') throw new Error(`${owner}: state['${key}'] must be an object of state entries, got ${formatValue(entry)}`);
    const copy: Record<string, Tensor | number> = {};
    for (const [name, value] of Object.entries(entry)) {
      const where = `state['${key}'].${name}`;
      if (!allowed.includes(name)) throw new Error(`${owner}: unknown state entry '${name}' in state['${key}']; ${optimizer.name} keeps ${allowed.join(', ')}`);
      if (name === 'step') {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new Error(`${owner}: ${where} = ${formatValue(value)} must be a whole number ≥ 0`);
        copy[name] = value;
      } else {
        const values = stateTensor(owner, where, value, param);
        if (!sameShape(values.shape, param.shape)) {
          throw new Error(`${owner}: ${where} has shape ${formatShape(values.shape)} but parameter ${key} ${describeTensor(param)} has shape ${formatShape(param.shape)}`);
        }
        copy[name] = copyTensor(values, param.dtype);
      }
    }
    const missing = fields.required.find((name) => !(name in copy));
    if (missing !== undefined) throw new Error(`${owner}: state['${key}'] has no '${missing}'; ${optimizer.name} needs ${fields.required.join(', ')} for every parameter with state`);
    state.set(param, copy);
  }
  return { hyperparameters, state };
}

/**
 * A state entry as a Tensor. Nested number arrays (what `x.toArray()` gives, a plain number for a
 * 0-d parameter) are accepted too, so a dict saved as JSON loads back: a Tensor itself does not
 * survive `JSON.stringify` (it becomes an object of its fields), and JSON numbers round-trip
 * float64 and float32 values exactly, so training still continues bit for bit.
 */
function stateTensor(owner: string, where: string, value: unknown, param: Tensor): Tensor {
  if (value instanceof Tensor) return value;
  if (typeof value === 'number' || Array.isArray(value)) {
    try {
      return tensor(value as number[], { dtype: param.dtype });
    } catch (error) {
      throw new Error(`${owner}: ${where} is not a rectangular array of numbers: ${(error as Error).message}`);
    }
  }
  const got = value === null ? 'null' : typeof value === 'object' ? 'a plain object' : formatValue(value);
  throw new Error(
    `${owner}: ${where} must be a Tensor or a nested number array, got ${got}; ` +
      '(JSON.stringify(opt.stateDict()) writes its tensors as nested arrays, which load back as they are)',
  );
}
