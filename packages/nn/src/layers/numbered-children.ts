/**
 * The children of a container (`Sequential`, `ModuleList`), which are registered under the
 * names `'0'`, `'1'`, …. JavaScript lists integer-like keys first and in numeric order, so
 * `'10'` comes after `'9'` without sorting.
 * @module
 */
import { Module } from '../module.js';

/** The modules held under integer names, in index order, repeats included (a layer used twice runs twice). */
export function numberedChildren(container: Module): Module[] {
  const out: Module[] = [];
  for (const [name, value] of Object.entries(container)) {
    if (value instanceof Module && /^(0|[1-9]\d*)$/.test(name)) out.push(value);
  }
  return out;
}

/** `index` (negative counts from the end) resolved against `length`, or an error naming the container. */
export function resolveIndex(container: string, index: number, length: number): number {
  const resolved = index < 0 ? index + length : index;
  if (!Number.isInteger(index) || resolved < 0 || resolved >= length) {
    throw new Error(`${container}.at: index ${index} is out of range for ${length} module${length === 1 ? '' : 's'}`);
  }
  return resolved;
}
