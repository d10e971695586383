/**
 * What a demo run leaves in its output folder: the weights (safetensors, loadable with `load`
 * from `@tapegrad/nn/node` or Python's `safetensors`), the numbers it printed (metrics.json), and
 * its predicted digit for each test image, so a reloaded model can be checked against the run.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Tensor } from '@tapegrad/tensor';
import type { Module } from '@tapegrad/nn';
import { save } from '@tapegrad/nn/node';

/** File names inside the output folder. */
export const RUN_FILES = { weights: 'model.safetensors', metrics: 'metrics.json', predictions: 'test-predictions.json' } as const;

/** What {@link writeRunFiles} writes. */
export interface RunOutput {
  /** The trained tensors, or null for a model without weights (KNN). */
  readonly weights: Module | null;
  /** Strings for the safetensors header (the model, the command, the test accuracy). */
  readonly metadata: Readonly<Record<string, string>>;
  /** Everything metrics.json records. */
  readonly metrics: Readonly<Record<string, unknown>>;
  /** The predicted digit of each test image, int32 `[N]`. */
  readonly testPredictions: Tensor;
}

/** Writes the run's files into `folder` (made if missing) and returns the names written. */
export async function writeRunFiles(folder: string, { weights, metadata, metrics, testPredictions }: RunOutput): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  if (weights !== null) {
    await save(weights, join(folder, RUN_FILES.weights), { metadata });
    written.push(RUN_FILES.weights);
  }
  await writeFile(join(folder, RUN_FILES.metrics), `${JSON.stringify(metrics, null, 2)}\n`);
  // One line: a thousand digits, not a thousand lines.
  await writeFile(join(folder, RUN_FILES.predictions), `${JSON.stringify(Array.from(testPredictions.buffer))}\n`);
  written.push(RUN_FILES.metrics, RUN_FILES.predictions);
  return written;
}
