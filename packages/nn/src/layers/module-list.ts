/**
 * `ModuleList`: a list of submodules that a parent module registers.
 * @module
 */
import { Module } from '../module.js';
import { numberedChildren, resolveIndex } from './numbered-children.js';

/**
 * Holds submodules in a list, as PyTorch's `nn.ModuleList`: a plain array field is invisible to
 * `parameters()`, a ModuleList is not. Children are named `'0'`, `'1'`, …; the owner decides how
 * to run them.
 *
 * ```ts
 * class Deep extends Module {
 *   blocks = new ModuleList(Array.from({ length: 4 }, () => new Linear(32, 32)));
 *   override forward(x: Tensor): Tensor {
 *     for (const block of this.blocks) x = (block as Linear).forward(x).relu();
 *     return x;
 *   }
 * }
 * // parameters: 'blocks.0.weight', 'blocks.0.bias', 'blocks.1.weight', …
 * ```
 */
export class ModuleList extends Module {
  /** A list holding `modules` (default none). */
  constructor(modules: Iterable<Module> = []) {
    super();
    this.extend(modules);
  }

  /** Number of modules. */
  get length(): number {
    return numberedChildren(this).length;
  }

  /** The module at `index` (negative counts from the end). */
  at(index: number): Module {
    const modules = numberedChildren(this);
    return modules[resolveIndex('ModuleList', index, modules.length)];
  }

  /** Adds `module` at the end and returns this. */
  append(module: Module): this {
    this.registerModule(String(this.length), module);
    return this;
  }

  /** Adds every module of `modules` at the end and returns this. */
  extend(modules: Iterable<Module>): this {
    for (const module of modules) this.append(module);
    return this;
  }

  /** Iterates over the modules in order. */
  [Symbol.iterator](): Iterator<Module> {
    return numberedChildren(this)[Symbol.iterator]();
  }

  /** A ModuleList only holds modules: iterate over it in the owner's `forward` instead. */
  override forward(): never {
    throw new Error('ModuleList has no forward: iterate over it (for (const m of list) …) in the forward of the module that owns it');
  }
}
