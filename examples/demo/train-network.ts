/**
 * The demo's training loop for the nn models (MLP, CNN): minibatch SGD with momentum on softmax
 * cross-entropy, a cosine learning-rate decay, shifted training images, and the validation
 * accuracy after every epoch.
 */
import { softmaxCrossEntropy } from '@tapegrad/losses';
import { CosineAnnealingLR, SGD } from '@tapegrad/optim';
import { DataLoader } from '@tapegrad/data';
import { MNIST_IMAGE_SIZE } from '@tapegrad/data/node';
import { accuracy } from '@tapegrad/classifiers';
import type { TrainingContext } from './model-family.js';
import { predictLabels, type ScoreModel } from './predict.js';
import type { EpochRecord } from './progress.js';
import { randomShift } from './random-shift.js';

/** How a network is trained: the settings the demo prints and records. */
export interface NetworkRecipe {
  /** Examples per minibatch. */
  readonly batchSize: number;
  /** Learning rate of the first epoch; it decays along a cosine to 0 at the last. */
  readonly learningRate: number;
  /** SGD momentum. */
  readonly momentum: number;
  /** Largest random shift of a training image, in pixels (0: no augmentation). */
  readonly maxShift: number;
}

/**
 * Trains `model` in place for `epochs` epochs and returns each epoch's loss and validation
 * accuracy. The batch order comes from the DataLoader's own generator seeded with `seed`; the
 * shifts draw from tensor's, which the demo has seeded with `manualSeed` before building the model.
 */
export function trainNetwork(model: ScoreModel, recipe: NetworkRecipe, { data, epochs, seed, progress }: Omit<TrainingContext, 'log'>): EpochRecord[] {
  const loader = new DataLoader(data.train, { batchSize: recipe.batchSize, shuffle: true, seed });
  const optimizer = new SGD(model.parameters(), { lr: recipe.learningRate, momentum: recipe.momentum });
  // Large steps early to get into a good basin, small ones late to settle in it.
  const schedule = new CosineAnnealingLR(optimizer, { tMax: epochs });
  const history: EpochRecord[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const started = performance.now();
    model.train();
    progress.startEpoch(epoch, epochs, loader.length);
    let lossSum = 0;
    let images = 0;
    let batches = 0;
    for (const { x, y } of loader) {
      const loss = softmaxCrossEntropy(model.forward(randomShift(x, MNIST_IMAGE_SIZE, recipe.maxShift)), y);
      optimizer.zeroGrad();
      loss.backward();
      optimizer.step();
      lossSum += loss.item() * y.size;
      images += y.size;
      progress.batch(++batches, lossSum / images, images / secondsSince(started));
    }
    schedule.step();
    const imagesPerSecond = images / secondsSince(started);
    const valAccuracy = accuracy(predictLabels(model, data.val.x), data.val.y);
    const record = { epoch, trainLoss: lossSum / images, valAccuracy, seconds: secondsSince(started), imagesPerSecond };
    history.push(record);
    progress.endEpoch(record, epochs);
  }
  return history;
}

function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}
