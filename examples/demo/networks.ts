/**
 * `--model mlp` and `--model cnn`: the networks of `mnist-models.ts`, trained by the demo's loop.
 */
import type { Conv2d, Linear, Sequential } from '@tapegrad/nn';
import { MNIST_IMAGE_SIZE as SIDE } from '@tapegrad/data/node';
import { cnn, mlp } from '../mnist-models.js';
import type { ModelFamily } from './model-family.js';
import { predictLabels } from './predict.js';
import { type NetworkRecipe, trainNetwork } from './train-network.js';
import { numberLabels, type WeightImages } from './weight-pictures.js';

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
  readonly build: () => Sequential;
  /** The trained network's first layer as images. */
  readonly firstLayer: (model: Sequential) => WeightImages;
  readonly recipe: NetworkRecipe;
  readonly brief: string;
  readonly architecture: string;
  readonly defaultEpochs: number;
  readonly promisedAccuracy: number;
}

function networkFamily({ build, firstLayer, recipe, brief, architecture, defaultEpochs, promisedAccuracy }: NetworkFamilyOptions): ModelFamily {
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
      return { history, valAccuracy, predict: (x) => predictLabels(model, x), weights: model, details: { weights }, weightImages: firstLayer(model) };
    },
  };
}

/** Hidden units of the MLP drawn in first-layer.png: enough to see the kinds of pattern, few enough to see each. */
const MLP_UNITS_DRAWN = 32;

/** The weights into the MLP's first hidden units, each row of the first Linear's weight as a 28×28 image. */
function mlpFirstLayer(model: Sequential): WeightImages {
  const { weight } = model.at(0) as Linear;
  const units = Math.min(MLP_UNITS_DRAWN, weight.shape[0]);
  return {
    kind: 'firstLayer',
    images: weight.detach().slice([0], [units]).reshape([units, SIDE, SIDE]),
    title: `mlp: weights into hidden units 0–${units - 1} (of ${weight.shape[0]}): red pixels excite the unit, blue ones inhibit it`,
    labels: numberLabels(units),
    columns: 8,
  };
}

/** The CNN's first convolution filters, `[out, 1, 3, 3]`, each a 3×3 image. */
function cnnFirstLayer(model: Sequential): WeightImages {
  const { weight } = model.at(1) as Conv2d;
  const [filters, , kh, kw] = weight.shape;
  return {
    kind: 'firstLayer',
    images: weight.detach().reshape([filters, kh, kw]),
    title: `cnn: the ${filters} filters of the first convolution (${kh}×${kw}); red positive, blue negative`,
    labels: numberLabels(filters),
    columns: filters,
  };
}

/** The MLP; the issue asks for ≥ 96 % within 30 s of training. */
export const mlpFamily = networkFamily({
  build: mlp,
  firstLayer: mlpFirstLayer,
  recipe: MLP_RECIPE,
  brief: 'MLP 784-256-10, ReLU',
  architecture: 'MLP 784-256-10, ReLU',
  defaultEpochs: 30,
  promisedAccuracy: 0.96,
});

/** The two-block CNN; the issue asks for ≥ 97.5 % within 3 minutes of training. */
export const cnnFamily = networkFamily({
  build: cnn,
  firstLayer: cnnFirstLayer,
  recipe: CNN_RECIPE,
  brief: 'CNN, two conv + pool blocks',
  architecture: 'CNN conv 3×3 (8) - ReLU - pool 2 - conv 3×3 (16) - ReLU - pool 2 - linear 784→128 - ReLU - linear 128→10',
  defaultEpochs: 12,
  promisedAccuracy: 0.975,
});
