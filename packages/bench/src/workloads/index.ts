/** The library workloads in the order the report prints them (the test-suite timings come last, see suites.ts). */
import { anyWorkload, type Workload } from '../workload.js';
import { chainWorkload } from './chain.js';
import { convWorkload } from './conv.js';
import { matmulWorkload } from './matmul.js';
import { mlpWorkload } from './mlp.js';
import { scalarChainWorkload } from './scalar-chain.js';
import { scalarMlpWorkload } from './scalar-mlp.js';

export const LIBRARY_WORKLOADS: readonly Workload[] = [
  anyWorkload(matmulWorkload),
  anyWorkload(mlpWorkload),
  anyWorkload(chainWorkload),
  anyWorkload(scalarMlpWorkload),
  anyWorkload(scalarChainWorkload),
  anyWorkload(convWorkload),
];

export function findWorkload(id: string): Workload {
  const workload = LIBRARY_WORKLOADS.find((candidate) => candidate.id === id);
  if (!workload) throw new Error(`bench: unknown workload "${id}"; known: ${LIBRARY_WORKLOADS.map((w) => w.id).join(', ')}`);
  return workload;
}
