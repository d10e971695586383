/**
 * `Module`: the base class of every layer and model. It finds its submodules and parameters by
 * looking at its own fields, holds explicitly registered buffers, and reads and writes its state
 * as a plain object from dotted names to tensors.
 * @module
 */
import { Tensor } from '@tapegrad/tensor';
import { describeValue } from './describe-value.js';
import { Parameter } from './parameter.js';
import { checkSegmentName, joinName, reachesPrototype } from './module-names.js';
import { loadStateDictInto, type LoadStateDictOptions, type LoadStateDictResult } from './load-state-dict.js';

/** A module's state: dotted names (`'0.weight'`, `'bn.runningMean'`) to tensors. */
export type StateDict = Record<string, Tensor>;

/** Options of `Module.stateDict`. */
export interface StateDictOptions {
  /**
   * Return the module's live parameters and buffers instead of detached copies (PyTorch's
   * `keep_vars`). Writing to them changes the model; default false.
   */
  readonly keepVars?: boolean;
}

/**
 * The base class of layers and models, as PyTorch's `nn.Module`. Subclass it, assign layers and
 * `Parameter`s to fields, and write `forward`; call the model with `model.forward(x)`.
 *
 * ```ts
 * class Mlp extends Module {
 *   fc1 = new Linear(784, 256);
 *   fc2 = new Linear(256, 10);
 *   override forward(x: Tensor): Tensor {
 *     return this.fc2.forward(this.fc1.forward(x).relu());
 *   }
 * }
 * const model = new Mlp();
 * model.namedParameters().map(([name]) => name); // ['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']
 * ```
 *
 * Discovery: a field holding a `Module` is a child and a field holding a `Parameter` is a
 * parameter, in the order the fields were assigned (declaration order for class fields).
 * Listings go in PyTorch's order: a module's own parameters, then each child's, depth first. A
 * field holding a plain Tensor or an array of modules is not seen: register tensors that are
 * state but not trained with `registerBuffer`, and keep lists of layers in a `ModuleList`.
 * Listings skip repeats, so a tied weight appears once in `parameters()`; `stateDict()` lists it
 * under every name it has, as PyTorch's does.
 */
export abstract class Module {
  /** True in training mode (the default), false after `eval()`; Dropout and BatchNorm read it. */
  training = true;
  /** Buffers by name, in registration order: state that is saved but not trained. */
  readonly #buffers = new Map<string, Tensor>();

  /** The computation. Subclasses declare their own arguments and result, usually `(x: Tensor): Tensor`. */
  abstract forward(...inputs: any[]): unknown;

  // ── registration ────────────────────────────────────────────────────────────

  /**
   * Adds `module` as a child called `name`, for names that cannot be fields written in the
   * class body (`Sequential` uses `'0'`, `'1'`, …). Assigning a field does the same.
   */
  registerModule<M extends Module>(name: string, module: M): M {
    checkSegmentName(`${this.constructor.name}.registerModule`, name);
    if (!(module instanceof Module)) {
      throw new Error(`${this.constructor.name}.registerModule: '${name}' must be a Module, got ${describeValue(module)}`);
    }
    const owner = this.constructor.name;
    const current: unknown = Object.hasOwn(this, name) ? fieldsOf(this)[name] : undefined;
    if (current !== undefined && current !== null && !(current instanceof Module)) {
      throw new Error(`${owner}.registerModule: '${name}' is already a field of ${owner} holding ${describeValue(current)}; pick another name`);
    }
    if (!Object.hasOwn(this, name) && name in this) {
      throw new Error(`${owner}.registerModule: '${name}' is a method or accessor of ${owner}; pick another name`);
    }
    if (this.#buffers.has(name)) throw new Error(`${owner}.registerModule: '${name}' is already a buffer of ${owner}; pick another name`);
    Object.defineProperty(this, name, { value: module, writable: true, enumerable: true, configurable: true });
    return module;
  }

  /**
   * Adds `tensor` as a buffer called `name` (or replaces the buffer of that name): state that is
   * saved in `stateDict()` and loaded by `loadStateDict()` but not trained, such as BatchNorm's
   * running statistics. Returns the tensor.
   */
  registerBuffer(name: string, tensor: Tensor): Tensor {
    checkSegmentName(`${this.constructor.name}.registerBuffer`, name);
    if (!(tensor instanceof Tensor)) {
      throw new Error(`${this.constructor.name}.registerBuffer: '${name}' must be a Tensor, got ${describeValue(tensor)}`);
    }
    if (Object.hasOwn(this, name)) {
      const owner = this.constructor.name;
      throw new Error(`${owner}.registerBuffer: '${name}' is already a field of ${owner}; a buffer needs a name of its own`);
    }
    this.#buffers.set(name, tensor);
    return tensor;
  }

  // ── lookup by dotted name ───────────────────────────────────────────────────

  /** The submodule at a dotted path (`'encoder.fc1'`); `''` is this module. */
  getSubmodule(path: string): Module {
    let current: Module = this;
    if (path === '') return current;
    for (const segment of path.split('.')) {
      const child = Object.hasOwn(current, segment) ? fieldsOf(current)[segment] : undefined;
      if (!(child instanceof Module)) {
        const known = current.namedChildren().map(([name]) => name);
        throw new Error(
          `getSubmodule: ${current.constructor.name} has no submodule '${segment}' (in '${path}'); its children are ` +
            (known.length > 0 ? known.map((name) => `'${name}'`).join(', ') : 'none'),
        );
      }
      current = child;
    }
    return current;
  }

  /** The parameter at a dotted path (`'encoder.fc1.weight'`). */
  getParameter(path: string): Parameter {
    const { owner, name } = this.#split(path);
    const value = Object.hasOwn(owner, name) ? fieldsOf(owner)[name] : undefined;
    if (!(value instanceof Parameter)) {
      throw new Error(`getParameter: ${owner.constructor.name} has no parameter '${name}' (in '${path}')`);
    }
    return value;
  }

  /** The buffer at a dotted path (`'bn.runningMean'`). */
  getBuffer(path: string): Tensor {
    const { owner, name } = this.#split(path);
    const buffer = owner.#buffers.get(name);
    if (buffer === undefined) {
      const known = [...owner.#buffers.keys()];
      throw new Error(
        `getBuffer: ${owner.constructor.name} has no buffer '${name}' (in '${path}'); its buffers are ` +
          (known.length > 0 ? known.map((key) => `'${key}'`).join(', ') : 'none'),
      );
    }
    return buffer;
  }

  /** Whether `name` is one of this module's own buffers. */
  hasBuffer(name: string): boolean {
    return this.#buffers.has(name);
  }

  /** The module owning the last segment of `path`, and that segment. */
  #split(path: string): { owner: Module; name: string } {
    const cut = path.lastIndexOf('.');
    return { owner: this.getSubmodule(cut < 0 ? '' : path.slice(0, cut)), name: path.slice(cut + 1) };
  }

  // ── listings ────────────────────────────────────────────────────────────────

  /** The direct submodules with their names, in field order, each once. */
  namedChildren(): [string, Module][] {
    const out: [string, Module][] = [];
    const seen = new Set<Module>();
    for (const [name, value] of Object.entries(this)) {
      if (value instanceof Module && !seen.has(value)) {
        seen.add(value);
        out.push([name, value]);
      }
    }
    return out;
  }

  /** The direct submodules, in field order. */
  children(): Module[] {
    return this.namedChildren().map(([, child]) => child);
  }

  /** This module (named `''`) and every submodule below it, depth first, each once. */
  namedModules(): [string, Module][] {
    const out: [string, Module][] = [];
    const seen = new Set<Module>();
    const visit = (prefix: string, module: Module): void => {
      if (seen.has(module)) return;
      seen.add(module);
      out.push([prefix, module]);
      for (const [name, child] of module.namedChildren()) visit(joinName(prefix, name), child);
    };
    visit('', this);
    return out;
  }

  /** This module and every submodule below it, depth first. */
  modules(): Module[] {
    return this.namedModules().map(([, module]) => module);
  }

  /**
   * Every parameter with its dotted name (`'0.weight'`), each once: a module's own parameters
   * in field order, then each child's, depth first (PyTorch's order).
   */
  namedParameters(): [string, Parameter][] {
    const out: [string, Parameter][] = [];
    const seen = new Set<Parameter>();
    for (const [prefix, module] of this.namedModules()) {
      for (const [name, value] of Object.entries(module)) {
        if (value instanceof Parameter && !seen.has(value)) {
          seen.add(value);
          out.push([joinName(prefix, name), value]);
        }
      }
    }
    return out;
  }

  /** Every parameter, in the order of `namedParameters()`: what an optimizer is given. */
  parameters(): Parameter[] {
    return this.namedParameters().map(([, parameter]) => parameter);
  }

  /** Every buffer with its dotted name (`'1.runningMean'`), each once. */
  namedBuffers(): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    const seen = new Set<Tensor>();
    for (const [prefix, module] of this.namedModules()) {
      for (const [name, buffer] of module.#buffers) {
        if (!seen.has(buffer)) {
          seen.add(buffer);
          out.push([joinName(prefix, name), buffer]);
        }
      }
    }
    return out;
  }

  /** Every buffer, in the order of `namedBuffers()`. */
  buffers(): Tensor[] {
    return this.namedBuffers().map(([, buffer]) => buffer);
  }

  // ── modes and gradients ─────────────────────────────────────────────────────

  /** Sets training mode (`mode = false` is evaluation mode) on this module and every submodule. */
  train(mode = true): this {
    for (const module of this.modules()) module.training = mode;
    return this;
  }

  /** Evaluation mode on this module and every submodule: Dropout passes inputs through, BatchNorm uses running statistics. */
  eval(): this {
    return this.train(false);
  }

  /** Sets `.grad` of every parameter to null, as PyTorch's `zero_grad(set_to_none=True)`. */
  zeroGrad(): void {
    for (const parameter of this.parameters()) parameter.grad = null;
  }

  /**
   * Calls `fn` on every submodule and then on this module (children first, as PyTorch), e.g.
   * to initialise weights: `model.apply((m) => { if (m instanceof Linear) init.xavierUniform_(m.weight); })`.
   */
  apply(fn: (module: Module) => void): this {
    for (const child of this.children()) child.apply(fn);
    fn(this);
    return this;
  }

  // ── state ───────────────────────────────────────────────────────────────────

  /**
   * The parameters and buffers as a plain object from dotted names to tensors, in the order
   * PyTorch uses: a module's own parameters, then its own buffers, then each child's.
   *
   * The tensors are detached copies, a snapshot: training on afterwards does not change them,
   * and changing them does not change the model. (PyTorch returns detached views that share
   * storage, so a "best weights" dict saved mid-training silently follows later steps; copying
   * avoids that at the cost of one copy of the weights.) `{ keepVars: true }` returns the live
   * parameters and buffers instead.
   */
  stateDict({ keepVars = false }: StateDictOptions = {}): StateDict {
    const out: StateDict = {};
    this.#collectState('', out, new Set(), keepVars);
    return out;
  }

  #collectState(prefix: string, out: StateDict, path: Set<Module>, keepVars: boolean): void {
    if (path.has(this)) throw new Error(`stateDict: ${this.constructor.name} at '${prefix}' contains itself; a module cannot be its own submodule`);
    path.add(this);
    const add = (name: string, tensor: Tensor) => {
      const key = joinName(prefix, name);
      // A class field can be named `__proto__`; as a key it would replace the dict's prototype.
      if (reachesPrototype(key)) throw new Error(`stateDict: '${key}' cannot be a state-dict key; rename the field`);
      out[key] = keepVars ? tensor : tensor.detach().clone();
    };
    const children: [string, Module][] = [];
    for (const [name, value] of Object.entries(this)) {
      if (value instanceof Parameter) add(name, value);
      else if (value instanceof Module) children.push([name, value]);
    }
    for (const [name, buffer] of this.#buffers) add(name, buffer);
    for (const [name, child] of children) child.#collectState(joinName(prefix, name), out, path, keepVars);
    path.delete(this);
  }

  /**
   * Copies `dict` into the parameters and buffers, in place and without recording.
   *
   * Everything is validated before anything changes, so a failed load leaves the model as it
   * was: keys `__proto__`/`constructor`/`prototype` and non-Tensor values are refused; with
   * `strict` (the default) every key of the model must be present and no other; a shape or
   * dtype that differs from the model's is always an error naming the key and both shapes.
   * Returns the keys that were missing or unexpected (always empty under `strict`).
   */
  loadStateDict(dict: StateDict, options: LoadStateDictOptions = {}): LoadStateDictResult {
    return loadStateDictInto(this, dict, options);
  }

  // ── printing ────────────────────────────────────────────────────────────────

  /** The settings shown between the parentheses of `toString()` (`inFeatures=784, …`); override it in a layer. */
  extraRepr(): string {
    return '';
  }

  /**
   * A printout of the module tree in PyTorch's layout:
   * ```text
   * Sequential(
   *   (0): Linear(inFeatures=784, outFeatures=256, bias=true)
   *   (1): ReLU()
   * )
   * ```
   */
  toString(): string {
    const extraLines = this.extraRepr() === '' ? [] : this.extraRepr().split('\n');
    const childLines = this.namedChildren().map(([name, child]) => `(${name}): ${child.toString().replaceAll('\n', '\n  ')}`);
    const lines = [...extraLines, ...childLines];
    if (childLines.length === 0 && extraLines.length <= 1) return `${this.constructor.name}(${extraLines.join('')})`;
    return `${this.constructor.name}(\n  ${lines.join('\n  ')}\n)`;
  }

  /** @internal How Node's console prints a module. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** A module's fields by name, for lookups by a name known only at run time. */
function fieldsOf(module: Module): Record<string, unknown> {
  return module as unknown as Record<string, unknown>;
}
