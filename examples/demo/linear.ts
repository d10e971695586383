/**
 * `--model softmax` and `--model svm`: the course's linear classifier of `@tapegrad/classifiers`
 * with its own defaults (minibatch SGD, batch 200, λ = 1e-4), which are tuned for MNIST.
 */
import type { Tensor } from '@tapegrad/tensor';
import { type LinearLoss, LinearClassifier, accuracy } from '@tapegrad/classifiers';
import { MNIST_IMAGE_SIZE } from '@tapegrad/data/node';
import { LinearScores } from './linear-scores.js';
import type { ModelFamily } from './model-family.js';
import { predictLabels } from './predict.js';
import type { EpochRecord } from './progress.js';
import { numberLabels, type WeightImages } from './weight-pictures.js';

const LOSS_NAMES: Record<LinearLoss, string> = { softmax: 'softmax (cross-entropy)', svm: 'SVM (multiclass hinge)' };

function linearFamily(loss: LinearLoss): ModelFamily {
  const { learningRate, batchSize, reg, momentum, epochs: defaultEpochs } = new LinearClassifier({ loss });
  return {
    brief: `linear ${loss === 'svm' ? 'SVM' : 'softmax classifier'}`,
    summary: `linear ${LOSS_NAMES[loss]}, scores x·W + b with W [784,10]; LinearClassifier's defaults: SGD lr ${learningRate}, batch ${batchSize}, λ ${reg}`,
    defaultEpochs,
    promisedAccuracy: 0.9,
    settings: { classifier: 'LinearClassifier', loss, learningRate, batchSize, reg, momentum },
    train({ data, epochs, seed, progress }) {
      const classifier = new LinearClassifier({ loss, epochs, seed });
      // fit runs every epoch in one call, so the epochs' lines come after it, without timings.
      const history = epochMeans(classifier.fit(data.train.x, data.train.y), epochs);
      for (const record of history) progress.endEpoch(record, epochs);
      const weights = new LinearScores(classifier.W, classifier.b);
      const predict = (x: Tensor): Tensor => predictLabels(weights, x);
      return { history, valAccuracy: accuracy(predict(data.val.x), data.val.y), predict, weights, details: {}, weightImages: templates(loss, classifier) };
    },
  };
}

/** The ten columns of W as 28×28 images: the template each digit's score matches an image against. */
function templates(loss: LinearLoss, classifier: LinearClassifier): WeightImages {
  const images = classifier.templates(MNIST_IMAGE_SIZE, MNIST_IMAGE_SIZE);
  return {
    kind: 'templates',
    images,
    title: `${loss} templates: red pixels raise the digit's score, blue ones lower it`,
    labels: numberLabels(images.shape[0]),
    columns: images.shape[0],
  };
}

/** The mean of each epoch's minibatch objectives, from `fit`'s per-step history. */
function epochMeans(stepLosses: readonly number[], epochs: number): EpochRecord[] {
  const steps = stepLosses.length / epochs;
  return Array.from({ length: epochs }, (_, i) => {
    const epochLosses = stepLosses.slice(i * steps, (i + 1) * steps);
    return { epoch: i + 1, trainLoss: epochLosses.reduce((sum, loss) => sum + loss, 0) / steps };
  });
}

/** Softmax regression; the issue asks for ≥ 90 %. */
export const softmaxFamily = linearFamily('softmax');

/** The linear SVM; the issue asks for ≥ 90 %. */
export const svmFamily = linearFamily('svm');
