/**
 * The child process: one library, one workload, the listed cases. Started by runner.ts as
 *   node --import tsx src/child.ts --library jax-js --name jax-js --workload mlp --cases "batch 64 float32" [--quick] [--tapegrad-entry PATH]
 * and reports each case as a marked JSON line on stdout (child-protocol.ts).
 */
import { parseArgs } from 'node:util';
import { formatResult, formatStarted } from './child-protocol.js';
import { loadLibrary } from './libraries/index.js';
import { runCase } from './run-case.js';
import { runSettings } from './run-settings.js';
import { findWorkload } from './workloads/index.js';

const { values } = parseArgs({
  options: {
    library: { type: 'string' },
    name: { type: 'string' },
    workload: { type: 'string' },
    cases: { type: 'string', multiple: true },
    quick: { type: 'boolean', default: false },
    'tapegrad-entry': { type: 'string' },
  },
});
if (!values.library || !values.workload) throw new Error('bench child: --library and --workload are required');

const workload = findWorkload(values.workload);
const settings = runSettings(values.quick);
const wanted = new Set(values.cases ?? []);
const cases = workload.cases(values.quick).filter((c) => wanted.size === 0 || wanted.has(c.id));
const library = await loadLibrary(values.library, values.name ?? values.library, { tapegradEntry: values['tapegrad-entry'], stepLimitMs: settings.stepLimitMs });
for (const benchCase of cases) {
  console.log(formatStarted(benchCase.id));
  console.log(formatResult(await runCase(workload, library, benchCase, settings)));
}
// Some libraries keep worker handles open; the results are out, so end here.
process.exit(0);
