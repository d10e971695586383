/**
 * What a demo run leaves in its output folder: the weights (safetensors, loadable with `load`
 * from `@tapegrad/nn/node` or Python's `safetensors`), the numbers it printed (metrics.json), its
 * predicted digit for each test image, so a reloaded model can be checked against the run, its
 * learning curves as a picture (loss-curve.svg), and its weights as images: the linear
 * classifiers' templates (templates.svg, .png), the networks' first layer (first-layer.svg, .png).
 */
import { constants } from 'node:fs';
import { access, mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Tensor } from '@tapegrad/tensor';
import type { Module } from '@tapegrad/nn';
import { save } from '@tapegrad/nn/node';
import type { WeightPictures } from './weight-pictures.js';

/** File names inside the output folder. */
export const RUN_FILES = {
  weights: 'model.safetensors',
  metrics: 'metrics.json',
  predictions: 'test-predictions.json',
  lossCurve: 'loss-curve.svg',
  templates: { svg: 'templates.svg', png: 'templates.png' },
  firstLayer: { svg: 'first-layer.svg', png: 'first-layer.png' },
} as const;

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
  /** The learning curves as SVG (see loss-curve.ts), or null for a model that does not train in epochs. */
  readonly lossCurve: string | null;
  /** The weights as images (see weight-pictures.ts), or null for a model without weights. */
  readonly weightPictures: WeightPictures | null;
}

/**
 * Makes `folder` (and its missing parents) and checks that the run can write in it: the demo calls
 * this before training, so a bad `--out` fails at once instead of after minutes of training.
 */
export async function makeRunFolder(folder: string): Promise<void> {
  await makeFolder(folder);
  await access(folder, constants.W_OK);
}

/**
 * `mkdir -p` one level at a time. Node's `mkdir(folder, { recursive: true })` spins forever on a
 * folder in /proc (`--out /proc/x`): procfs answers ENOENT, which Node reads as "make the parent
 * first", finds the parent there, and tries again.
 */
async function makeFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (!(await stat(folder)).isDirectory()) throw new Error(`${folder} is a file, not a folder`);
    } else if (code === 'ENOENT' && dirname(folder) !== folder) {
      await makeFolder(dirname(folder));
      await mkdir(folder); // a second ENOENT, with the parent there, is final
    } else {
      throw error;
    }
  }
}

/** Writes the run's files into `folder`, made by {@link makeRunFolder}, and returns the names written. */
export async function writeRunFiles(folder: string, { weights, metadata, metrics, testPredictions, lossCurve, weightPictures }: RunOutput): Promise<string[]> {
  const written: string[] = [];
  if (weights !== null) {
    await save(weights, join(folder, RUN_FILES.weights), { metadata });
    written.push(RUN_FILES.weights);
  }
  await writeFile(join(folder, RUN_FILES.metrics), `${JSON.stringify(metrics, null, 2)}\n`);
  // One line: a thousand digits, not a thousand lines.
  await writeFile(join(folder, RUN_FILES.predictions), `${JSON.stringify(Array.from(testPredictions.buffer))}\n`);
  written.push(RUN_FILES.metrics, RUN_FILES.predictions);
  if (lossCurve !== null) {
    await writeFile(join(folder, RUN_FILES.lossCurve), lossCurve);
    written.push(RUN_FILES.lossCurve);
  }
  if (weightPictures !== null) {
    const { svg, png } = RUN_FILES[weightPictures.kind];
    await writeFile(join(folder, svg), weightPictures.svg);
    await writeFile(join(folder, png), weightPictures.png);
    written.push(svg, png);
  }
  return written;
}
