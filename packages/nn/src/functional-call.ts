/**
 * `functionalCall`: run a module with some of its parameters or buffers replaced, as PyTorch's
 * `torch.func.functional_call`.
 * @module
 */
import { Tensor } from '@tapegrad/tensor';
import type { Module } from './module.js';
import { Parameter } from './parameter.js';

/**
 * Calls `module.forward(...inputs)` with the parameters and buffers named in `tensors`
 * (dotted names, as in `stateDict()`) replaced by the given tensors, restoring the originals
 * afterwards even when forward throws. The replacements are used as they are, graph included,
 * so gradients flow to them: this is how to gradient-check a layer with respect to its weights.
 *
 * ```ts
 * const fc = new Linear(3, 2);
 * assertGradcheck(
 *   (x, w, b) => functionalCall(fc, { weight: w, bias: b }, x),
 *   [randn([4, 3]), randn([2, 3]), randn([2])],
 * );
 * ```
 */
export function functionalCall<M extends Module>(module: M, tensors: Readonly<Record<string, Tensor>>, ...inputs: Parameters<M['forward']>): ReturnType<M['forward']> {
  const restore: (() => void)[] = [];
  try {
    for (const [path, replacement] of Object.entries(tensors)) {
      if (!(replacement instanceof Tensor)) throw new Error(`functionalCall: '${path}' must be a Tensor, got ${typeof replacement}`);
      const cut = path.lastIndexOf('.');
      const owner = module.getSubmodule(cut < 0 ? '' : path.slice(0, cut));
      const name = path.slice(cut + 1);
      const fields = owner as unknown as Record<string, unknown>;
      if (Object.hasOwn(owner, name) && fields[name] instanceof Parameter) {
        const original = fields[name];
        fields[name] = replacement;
        restore.push(() => (fields[name] = original));
      } else if (owner.hasBuffer(name)) {
        const original = owner.getBuffer(name);
        owner.registerBuffer(name, replacement);
        restore.push(() => owner.registerBuffer(name, original));
      } else {
        throw new Error(`functionalCall: '${path}' is neither a parameter nor a buffer of ${module.constructor.name}`);
      }
    }
    return module.forward(...inputs) as ReturnType<M['forward']>;
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}
