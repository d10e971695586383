/**
 * `--model mlp` and `--model cnn`: the networks of `mnist-models.ts`, trained by the demo's loop.
 */
import { cnn, mlp } from '../mnist-models.js';
import type { ModelFamily } from './model-family.js';
import { predictLabels, type ScoreModel } from './predict.js';
import { type NetworkRecipe, trainNetwork } from './train-network.js';

/**
 * The MLP: SGD with momentum 0.9, lr 0.05 and batch 64 reached the accuracy sooner than Adam at
 * lr 1e-3 or batches of 32 and 128; shifts of up to 2 pixels add about a point of test accuracy.
 */
const MLP_RECIPE: NetworkRecipe = { batchSize: 64, learningRate: 0.05, momentum: 0.9, maxShift: 2 };

/**
 * The CNN: batch 32, because its time goes into per-image convolutions, so twice the steps per
 * epoch cost little more; at that batch size lr 0.02 was steadier than 0.05 across seeds.
 */
const CNN_RECIPE: NetworkRecipe = { batchSize: 32, learningRate: 0.02, momentum: 0.9, maxShift: 2 };

interface NetworkFamilyOptions {
  readonly build: () => ScoreModel;
  readonly recipe: NetworkRecipe;
  readonly brief: string;
  readonly architecture: string;
  readonly defaultEpochs: number;
  readonly promisedAccuracy: number;
}

function networkFamily({ build, recipe, brief, architecture, defaultEpochs, promisedAccuracy }: NetworkFamilyOptions): ModelFamily {
  const { batchSize, learningRate, momentum, maxShift } = recipe;
  return {
    brief,
    summary: `${architecture}; SGD (momentum ${momentum}, lr ${learningRate} decaying along a cosine), batch ${batchSize}, random shifts ≤ ${maxShift} px`,
    defaultEpochs,
    promisedAccuracy,
    settings: { architecture, optimizer: 'SGD', schedule: 'cosine annealing to 0', ...recipe },
    train(context) {
      const model = build();
      const weights = model.parameters().reduce((sum, p) => sum + p.size, 0);
      context.log(`${weights.toLocaleString('en-US')} weights`);
      const history = trainNetwork(model, recipe, context);
      const valAccuracy = history[history.length - 1].valAccuracy!;
      return { history, valAccuracy, predict: (x) => predictLabels(model, x), weights: model, details: { weights } };
    },
  };
}

/** The MLP; the issue asks for ≥ 96 % within 30 s of training. */
export const mlpFamily = networkFamily({
  build: mlp,
  recipe: MLP_RECIPE,
  brief: 'MLP 784-256-10, ReLU',
  architecture: 'MLP 784-256-10, ReLU',
  defaultEpochs: 30,
  promisedAccuracy: 0.96,
});

/** The two-block CNN; the issue asks for ≥ 97.5 % within 3 minutes of training. */
export const cnnFamily = networkFamily({
  build: cnn,
  recipe: CNN_RECIPE,
  brief: 'CNN, two conv + pool blocks',
  architecture: 'CNN conv 3×3 (8) - ReLU - pool 2 - conv 3×3 (16) - ReLU - pool 2 - linear 784→128 - ReLU - linear 128→10',
  defaultEpochs: 12,
  promisedAccuracy: 0.975,
});
