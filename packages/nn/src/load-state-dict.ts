/**
 * Loading a state dict into a module: validate every key, shape and dtype first, then copy in
 * place without recording, so a failed load leaves the model exactly as it was.
 * @module
 */
import { formatShape, noGrad, sameShape, Tensor, type TypedArray } from '@tapegrad/tensor';
import { describeValue } from './describe-value.js';
import { reachesPrototype } from './module-names.js';
import type { Module, StateDict } from './module.js';

/** Options of `Module.loadStateDict`. */
export interface LoadStateDictOptions {
  /**
   * Require the dict's keys to match the model's exactly (default true). With false, missing
   * and unexpected keys are skipped and reported in the result; shapes and dtypes of the keys
   * both have must still match.
   */
  readonly strict?: boolean;
}

/** What `Module.loadStateDict` skipped (both lists are empty after a strict load). */
export interface LoadStateDictResult {
  /** Keys of the model that the dict did not have; those tensors were left unchanged. */
  readonly missingKeys: string[];
  /** Keys of the dict that the model does not have; they were ignored. */
  readonly unexpectedKeys: string[];
}

/** `module.loadStateDict(dict, options)`: see there. */
export function loadStateDictInto(module: Module, dict: StateDict, { strict = true }: LoadStateDictOptions = {}): LoadStateDictResult {
  if (typeof dict !== 'object' || dict === null || Array.isArray(dict) || dict instanceof Tensor || dict instanceof Map) {
    throw new Error(`loadStateDict: expected a plain object from dotted names to Tensors (what stateDict() returns), got ${describeValue(dict)}`);
  }
  const live = new Map(Object.entries(module.stateDict({ keepVars: true })));
  const problems: string[] = [];
  const keys = Object.keys(dict);
  for (const key of keys) {
    if (reachesPrototype(key)) problems.push(`'${key}' is refused: a key with __proto__, constructor or prototype could reach an object's prototype`);
  }
  const missingKeys = [...live.keys()].filter((key) => !Object.hasOwn(dict, key));
  const unexpectedKeys = keys.filter((key) => !live.has(key) && !reachesPrototype(key));
  if (strict && missingKeys.length > 0) problems.push(`missing key(s) ${quoteAll(missingKeys)}: the model has them but the state dict does not`);
  if (strict && unexpectedKeys.length > 0) problems.push(`unexpected key(s) ${quoteAll(unexpectedKeys)}: the state dict has them but the model does not`);
  const pairs: [target: Tensor, source: Tensor][] = [];
  let sawPlainValue = false;
  for (const key of keys) {
    const target = live.get(key);
    if (target === undefined) continue;
    const source: unknown = dict[key];
    if (!(source instanceof Tensor)) {
      problems.push(`'${key}' is ${describeValue(source)} in the state dict, not a Tensor`);
      sawPlainValue = true;
    } else if (!sameShape(source.shape, target.shape)) {
      problems.push(`'${key}' has shape ${formatShape(source.shape)} in the state dict but ${formatShape(target.shape)} in the model`);
    } else if (source.dtype !== target.dtype) {
      problems.push(`'${key}' has dtype ${source.dtype} in the state dict but ${target.dtype} in the model; convert it with .astype('${target.dtype}') first`);
    } else {
      pairs.push([target, source]);
    }
  }
  // Plain arrays and numbers usually mean a dict that went through JSON; say once how to fix it.
  const hint = sawPlainValue ? `\nWrap each value with tensor(value, { dtype }) (JSON keeps neither Tensors nor dtypes), or save with toBytes/save instead of JSON.` : '';
  if (problems.length === 1) throw new Error(`loadStateDict: ${problems[0]} (nothing was loaded)${hint}`);
  if (problems.length > 1) throw new Error(`loadStateDict: ${problems.length} problems, nothing was loaded:\n  ${problems.join('\n  ')}${hint}`);

  noGrad(() => {
    // A source that shares storage with one of the model's tensors (a dict built with keepVars,
    // or one that swaps two weights) would be overwritten before it is read: read it first.
    const modelStorage = new Set<TypedArray>([...live.values()].map((tensor) => tensor.buffer));
    const sources = pairs.map(([, source]) => (modelStorage.has(source.buffer) ? source.clone() : source));
    pairs.forEach(([target], i) => target.copy_(sources[i]));
  });
  // Under strict, reaching here means both lists are empty.
  return { missingKeys, unexpectedKeys };
}

function quoteAll(keys: readonly string[]): string {
  return keys.map((key) => `'${key}'`).join(', ');
}
