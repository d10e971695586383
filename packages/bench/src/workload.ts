/**
 * A workload: its cases (each builds its seeded inputs), how a library prepares a case, how many
 * untimed steps the correctness check needs and how it compares them with the float64 reference,
 * and how a median step time becomes the figure the table prints.
 */
import type { BenchDtype } from './dtype.js';
import type { Library, Prepared } from './library.js';

export interface BenchCase<Input> {
  id: string; // "N=512 float32": unique within the workload, shown in the table
  dtype: BenchDtype;
  makeInput(): Input;
}

export interface Workload<Input = unknown, Output = unknown> {
  id: string;
  title: string;
  unit: string;
  higherIsBetter: boolean;
  cases(quick: boolean): BenchCase<Input>[];
  /** undefined when the library does not implement the workload at all. */
  prepare(library: Library, input: Input): Prepared<Output> | Promise<Prepared<Output>> | undefined;
  /** Untimed steps run (and read) before timing; 1 unless the check needs a trajectory. */
  checkedSteps?: number;
  /** null when the outputs of the checked steps match the reference, else what is wrong. */
  check(outputs: Output[], input: Input, dtype: BenchDtype): string | null;
  figure(medianMs: number, input: Input): number;
}

/** Erases a workload's input and output types so workloads can share one list. */
export function anyWorkload<Input, Output>(workload: Workload<Input, Output>): Workload {
  return workload as unknown as Workload;
}
