/**
 * Runs one case of one workload on one library, in the current process: prepare (untimed), the
 * checked steps (untimed) compared with the float64 reference, and only then the timed
 * repetitions. A wrong answer is reported as WRONG with the comparison's message and never timed.
 */
import type { Library } from './library.js';
import { measure, median, relativeSpread, type MeasureOptions } from './measure.js';
import type { CaseResult } from './results.js';
import { isStackOverflow, Unsupported } from './unsupported.js';
import type { BenchCase, Workload } from './workload.js';

export interface CaseOptions extends MeasureOptions {
  /** A checked step slower than this is "not measurable" (the timed repetitions would not fit the run). */
  stepLimitMs: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export async function runCase(workload: Workload, library: Library, benchCase: BenchCase<unknown>, options: CaseOptions): Promise<CaseResult> {
  const base = { workload: workload.id, caseId: benchCase.id, library: library.name };
  const input = benchCase.makeInput();
  let note: string | undefined;
  try {
    const prepared = await workload.prepare(library, input);
    if (!prepared) return { ...base, status: 'unsupported', message: `not available: ${library.name} does not implement ${workload.id}` };
    note = prepared.note;
    const outputs: unknown[] = [];
    let fastestMs = Infinity;
    for (let i = 0; i < (workload.checkedSteps ?? 1); i++) {
      const started = performance.now();
      await prepared.step();
      fastestMs = Math.min(fastestMs, performance.now() - started);
      outputs.push(await prepared.read());
    }
    const failure = workload.check(outputs, input, benchCase.dtype);
    if (failure !== null) return { ...base, status: 'wrong', message: failure, note };
    if (fastestMs > options.stepLimitMs) {
      return { ...base, status: 'unsupported', message: `not measurable: one step takes ${(fastestMs / 1000).toFixed(1)} s (limit ${options.stepLimitMs / 1000} s)`, note };
    }
    const samplesMs = await measure(() => prepared.step(), fastestMs, options);
    prepared.dispose?.();
    const medianMs = median(samplesMs);
    return {
      ...base,
      status: 'ok',
      figure: workload.figure(medianMs, input),
      unit: workload.unit,
      medianMs,
      samplesMs,
      spread: relativeSpread(samplesMs),
      note,
    };
  } catch (error) {
    if (error instanceof Unsupported) return { ...base, status: 'unsupported', message: error.message, note };
    // A peer that overflows the stack cannot run the case; tapegrad overflowing is a bug to report loudly.
    if (isStackOverflow(error) && !library.name.startsWith('tapegrad')) {
      return { ...base, status: 'unsupported', message: `not measurable: ${describe(error)} (recursive backward or tracing)`, note };
    }
    return { ...base, status: 'failed', message: describe(error), note };
  }
}
