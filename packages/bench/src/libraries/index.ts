/**
 * The libraries a run can compare, by name; each is imported only by the child process that runs
 * it, so a child pays only for its own library's start-up.
 */
import type { Library } from '../library.js';

export const PEER_NAMES = ['tfjs-cpu', 'tfjs-wasm', 'js-pytorch', 'jax-js'] as const;
export const LIBRARY_NAMES = ['tapegrad', ...PEER_NAMES] as const;

export interface LoadOptions {
  /** The old tree's `@tapegrad/tensor` (--against). */
  tapegradEntry?: string;
  /** Libraries that can predict a step's cost from a smaller probe refuse steps slower than this. */
  stepLimitMs: number;
}

/** `kind` picks the implementation; `name` is what the tables print (tapegrad-old, tapegrad-new). */
export async function loadLibrary(kind: string, name: string, options: LoadOptions): Promise<Library> {
  switch (kind) {
    case 'tapegrad':
      return (await import('./tapegrad.js')).loadTapegrad(name, options.tapegradEntry);
    case 'tfjs-cpu':
      return (await import('./tfjs.js')).loadTfjs(name, 'cpu', options.stepLimitMs);
    case 'tfjs-wasm':
      return (await import('./tfjs.js')).loadTfjs(name, 'wasm', options.stepLimitMs);
    case 'js-pytorch':
      return (await import('./js-pytorch.js')).loadJsPytorch(name);
    case 'jax-js':
      return (await import('./jax.js')).loadJax(name, options.stepLimitMs);
    default:
      throw new Error(`bench: unknown library "${kind}"; known: ${LIBRARY_NAMES.join(', ')}`);
  }
}
