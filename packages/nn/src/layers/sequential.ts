/**
 * `Sequential`: modules applied one after another.
 * @module
 */
import { Tensor } from '@tapegrad/tensor';
import { Module } from '../module.js';
import { numberedChildren, resolveIndex } from './numbered-children.js';

/**
 * Runs its modules in order, each on the previous one's output, as PyTorch's `nn.Sequential`.
 * Children are named `'0'`, `'1'`, …, so parameters are `'0.weight'`, `'0.bias'`, ….
 *
 * ```ts
 * const model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
 * model.forward(x);             // [N, 10]
 * model.at(0);                  // the first Linear
 * ```
 */
export class Sequential extends Module {
  /** The modules, in the order they run; each must map a Tensor to a Tensor. */
  constructor(...modules: Module[]) {
    super();
    modules.forEach((module, i) => this.registerModule(String(i), module));
  }

  /** Number of modules. */
  get length(): number {
    return numberedChildren(this).length;
  }

  /** The module at `index` (negative counts from the end). */
  at(index: number): Module {
    const modules = numberedChildren(this);
    return modules[resolveIndex('Sequential', index, modules.length)];
  }

  /** Adds `module` at the end and returns this. */
  append(module: Module): this {
    this.registerModule(String(this.length), module);
    return this;
  }

  /** Iterates over the modules in order. */
  [Symbol.iterator](): Iterator<Module> {
    return numberedChildren(this)[Symbol.iterator]();
  }

  /** Passes `x` through every module in order. */
  override forward(x: Tensor): Tensor {
    let out = x;
    numberedChildren(this).forEach((module, i) => {
      const next = module.forward(out);
      if (!(next instanceof Tensor)) {
        throw new Error(`Sequential: module ${i} (${module.constructor.name}) returned ${next === null ? 'null' : typeof next}, not a Tensor`);
      }
      out = next;
    });
    return out;
  }
}
