/**
 * What a regulariser penalises: one tensor, or any iterable of them (an array, or what a
 * module's `parameters()` returns).
 * @module
 */
import { scalar, Tensor } from '@tapegrad/tensor';

/** One tensor, or an array or other iterable of tensors. */
export type ParameterSet = Tensor | Iterable<Tensor>;

/** The tensors of `params` as an array; an entry that is not a Tensor is an error naming its position. */
export function toParameterList(op: string, params: unknown): Tensor[] {
  if (params instanceof Tensor) return [params];
  if (params === null || typeof params !== 'object' || !(Symbol.iterator in params)) {
    throw new Error(`${op}: params must be a Tensor or an iterable of Tensors (e.g. model.parameters()), got ${params === null ? 'null' : typeof params}`);
  }
  const list = [...(params as Iterable<unknown>)];
  list.forEach((p, i) => {
    if (!(p instanceof Tensor)) throw new Error(`${op}: params[${i}] is ${p === null ? 'null' : typeof p}, not a Tensor`);
  });
  return list as Tensor[];
}

/** `Σ_p term(p)` over the parameters, a scalar; 0 (a constant) for an empty set. */
export function sumOverParameters(list: readonly Tensor[], term: (w: Tensor) => Tensor): Tensor {
  if (list.length === 0) return scalar(0);
  return list.map(term).reduce((total, t) => total.add(t));
}

/** Throws unless a penalty's strength is a finite number ≥ 0; `name` is what the user called it. */
export function checkStrength(op: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new Error(`${op}: ${name} must be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}
