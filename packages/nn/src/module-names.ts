/**
 * The names a module may give its submodules, parameters and buffers: they become the segments
 * of dotted state-dict keys (`encoder.fc1.weight`), so they must be non-empty, dot-free, and
 * never one of the keys that reach an object's prototype.
 * @module
 */

/** Keys that would reach or replace an object's prototype if used as a state-dict key. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** True when `key` (a dotted name) has a segment such as `__proto__` that would reach a prototype. */
export function reachesPrototype(key: string): boolean {
  return key.split('.').some((segment) => PROTOTYPE_KEYS.has(segment));
}

/** Throws unless `name` can be one segment of a dotted name. */
export function checkSegmentName(caller: string, name: unknown): asserts name is string {
  if (typeof name !== 'string' || name === '' || name.includes('.')) {
    throw new Error(`${caller}: name ${JSON.stringify(name)} must be a non-empty string without dots (dots join the names of nested modules)`);
  }
  if (PROTOTYPE_KEYS.has(name)) {
    throw new Error(`${caller}: '${name}' cannot be a name; it would reach the prototype of a state dict`);
  }
}

/** `prefix.name`, or `name` at the top level. */
export function joinName(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`;
}
