/**
 * The contract between the demo and each kind of model it can train (`--model`): the demo loads
 * the data, times the training, tests and saves; a family only knows how to train its model.
 */
import type { Tensor } from '@tapegrad/tensor';
import type { MnistSplits } from '@tapegrad/data/node';
import type { Module } from '@tapegrad/nn';
import type { EpochRecord, TrainingProgress } from './progress.js';
import type { WeightImages } from './weight-pictures.js';

/** What a family is given to train with. */
export interface TrainingContext {
  /** The splits; `train` is a subset with `--quick`. */
  readonly data: MnistSplits;
  /** Epochs to train (the family's default unless `--epochs`); 0 for a model that does not train. */
  readonly epochs: number;
  /** The run's seed; tensor's generator is already seeded with it (`manualSeed`). */
  readonly seed: number;
  readonly progress: TrainingProgress;
  /** Prints a line of the run's output. */
  readonly log: (line: string) => void;
}

/** A trained model, as the demo tests, records and saves it. */
export interface TrainedModel {
  /** Loss (and validation accuracy where measured) per epoch; empty for a model that does not train. */
  readonly history: readonly EpochRecord[];
  /** Accuracy on the validation split at the end of training, in [0, 1]. */
  readonly valAccuracy: number;
  /** The predicted digit of each row of `x` (`[N, 784]`): int32 `[N]`. */
  predict(x: Tensor): Tensor;
  /** What `model.safetensors` holds: the learned tensors as a Module, or null when there are none. */
  readonly weights: Module | null;
  /** Anything else metrics.json should record (a cross-validation table, the chosen k). */
  readonly details: Readonly<Record<string, unknown>>;
  /** Weights worth looking at as images (templates, first-layer units), or null when there are none (KNN). */
  readonly weightImages: WeightImages | null;
}

/** One value of `--model`. */
export interface ModelFamily {
  /** A few words for `--help`. */
  readonly brief: string;
  /** What is trained and how, in one line: printed before training. */
  readonly summary: string;
  /** Epochs when `--epochs` is not given; null for a model that does not train in epochs. */
  readonly defaultEpochs: number | null;
  /** The test accuracy the demo promises with its default settings, in [0, 1]. */
  readonly promisedAccuracy: number;
  /** The settings metrics.json records (optimizer, learning rate, batch size, …). */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Trains a fresh model. */
  train(context: TrainingContext): TrainedModel;
}
