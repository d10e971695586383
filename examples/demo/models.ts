/**
 * Every model `--model` can name, in the order `--help` lists them.
 */
import { knnFamily } from './knn.js';
import { softmaxFamily, svmFamily } from './linear.js';
import type { ModelFamily } from './model-family.js';
import { cnnFamily, mlpFamily } from './networks.js';

/** The families by name; the first is the default. */
export const MODELS = { mlp: mlpFamily, cnn: cnnFamily, softmax: softmaxFamily, svm: svmFamily, knn: knnFamily } satisfies Record<string, ModelFamily>;

/** A value of `--model`. */
export type ModelName = keyof typeof MODELS;

/** The names, default first. */
export const MODEL_NAMES = Object.keys(MODELS) as ModelName[];
