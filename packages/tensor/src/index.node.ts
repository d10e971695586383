/**
 * `@tapegrad/tensor` on Node: everything in the browser-safe entry, plus a worker-thread pool
 * installed into the kernels so that large matrix products use every core. Package `exports`
 * select this file under the `node` condition (Node, tsx, vitest); typedoc documents `index.ts`.
 * @module
 */
import { setKernelPool } from './kernels/kernel-pool.js';
import { defaultHelperCount, WorkerKernelPool } from './node/worker-pool.js';

export * from './index.js';

const helpers = defaultHelperCount();
if (helpers > 0) setKernelPool(new WorkerKernelPool(helpers));
