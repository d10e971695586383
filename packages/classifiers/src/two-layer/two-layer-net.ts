/**
 * The course's two-layer network: affine – ReLU – affine, softmax loss, L2 regularisation.
 * @module
 */
import { type Dataset, DataLoader } from '@tapegrad/data';
import { softmaxCrossEntropy, l2Penalty } from '@tapegrad/losses';
import { init, Linear, Module, Parameter, ReLU } from '@tapegrad/nn';
import { ExponentialLR, SGD } from '@tapegrad/optim';
import { type FloatDtype, getDefaultDtype, manualSeed, noGrad, type Tensor, tensor } from '@tapegrad/tensor';
import { countMatches } from '../accuracy.js';
import { checkFeatureCount, checkFeatures } from '../features.js';
import { checkChoice, checkInteger, checkNonNegative, checkPositive, checkPositiveInteger } from '../hyperparameters.js';
import { checkLabelsBelow, type LabelsInput, readLabels } from '../labels.js';

/** Options of `new TwoLayerNet(inputSize, hiddenSize, numClasses, options)`. */
export interface TwoLayerNetOptions {
  /** Standard deviation of the initial weights, `W = std · randn` (default 1e-2); biases start at 0. */
  readonly std?: number;
  /** Seed of the initial weights (default 0); reseeds tensor's global generator. */
  readonly seed?: number;
  /** dtype of the parameters (default: the default dtype, float64 unless changed). */
  readonly dtype?: FloatDtype;
}

/** Options of {@link TwoLayerNet.loss}. */
export interface TwoLayerNetLossOptions {
  /** Regularisation strength λ of `λ (Σ W1² + Σ W2²)` (default 0). */
  readonly reg?: number;
}

/** Options of {@link TwoLayerNet.fit}. */
export interface TwoLayerNetFitOptions {
  /** A held-out set whose accuracy is measured after every epoch (optional). */
  readonly validation?: Dataset;
  /** Initial SGD step size (default 0.5). */
  readonly learningRate?: number;
  /** Factor applied to the learning rate after every epoch (default 0.95, the course's). */
  readonly learningRateDecay?: number;
  /** SGD momentum ρ (default 0: the course's plain SGD; 0.9 is the usual choice with it). */
  readonly momentum?: number;
  /** Regularisation strength λ (default 1e-4). */
  readonly reg?: number;
  /** Examples per minibatch (default 200). */
  readonly batchSize?: number;
  /** Passes over the training set (default 10). */
  readonly epochs?: number;
  /** Seed of the minibatch order (default 0). */
  readonly seed?: number;
}

/** What {@link TwoLayerNet.fit} returns: the course's `loss_history`, `train_acc_history` and `val_acc_history`. */
export interface TwoLayerNetHistory {
  /** The loss (data + regularisation) of every minibatch step. */
  readonly lossHistory: number[];
  /** Accuracy on the whole training set after each epoch. */
  readonly trainAccuracy: number[];
  /** Accuracy on `validation` after each epoch (empty without a validation set). */
  readonly valAccuracy: number[];
}

/**
 * The course's two-layer fully connected network, an `nn.Module`:
 *
 * ```text
 * scores = fc2(relu(fc1(x)))      x [N, D] → hidden [N, H] → scores [N, C]
 * loss   = softmax cross-entropy + λ (Σ W1² + Σ W2²)
 * ```
 *
 * `fc1` and `fc2` are `Linear` layers in PyTorch's layout, so `fc1.weight` is `[H, D]` — the
 * course's `W1` `[D, H]` transposed — and `fc1.bias` is its `b1`. As in the course the weights
 * start as `std · randn` (std 1e-2) and the biases at 0, so the initial loss is close to `ln C`.
 * The regulariser is `λ Σ W²` over both weight matrices (gradient `2λW`), not the biases.
 *
 * ```ts
 * const net = new TwoLayerNet(784, 100, 10);
 * const { lossHistory, trainAccuracy, valAccuracy } = net.fit(train.x, train.y, { validation: val, epochs: 10 });
 * net.score(test.x, test.y); // ≈ 0.96 on MNIST
 * ```
 */
export class TwoLayerNet extends Module {
  /** First affine layer, `D → H`. */
  fc1: Linear;
  /** The non-linearity between the two. */
  relu: ReLU;
  /** Second affine layer, `H → C`. */
  fc2: Linear;

  /** A net from `inputSize` features through `hiddenSize` ReLUs to `numClasses` scores. */
  constructor(inputSize: number, hiddenSize: number, numClasses: number, { std = 1e-2, seed = 0, dtype = getDefaultDtype() as FloatDtype }: TwoLayerNetOptions = {}) {
    super();
    const where = 'TwoLayerNet';
    checkPositiveInteger(where, 'inputSize', inputSize);
    checkPositiveInteger(where, 'hiddenSize', hiddenSize);
    checkPositiveInteger(where, 'numClasses', numClasses);
    checkNonNegative(where, 'std', std);
    checkInteger(where, 'seed', seed);
    checkChoice(where, 'dtype', dtype, ['float32', 'float64']);
    manualSeed(seed);
    this.fc1 = smallRandomLinear(inputSize, hiddenSize, std, dtype);
    this.relu = new ReLU();
    this.fc2 = smallRandomLinear(hiddenSize, numClasses, std, dtype);
  }

  /** Class scores `[N, C]` for `x` `[N, D]`; recorded on the tape, so a loss of them can backpropagate. */
  override forward(x: Tensor): Tensor {
    this.#checkInputs('TwoLayerNet.forward', x);
    return this.fc2.forward(this.relu.forward(this.fc1.forward(x)));
  }

  /** The training objective on `x`, `y`: mean softmax cross-entropy plus `λ (Σ W1² + Σ W2²)`. A scalar tensor to call `.backward()` on. */
  loss(x: Tensor, y: LabelsInput, { reg = 0 }: TwoLayerNetLossOptions = {}): Tensor {
    const where = 'TwoLayerNet.loss';
    this.#checkInputs(where, x);
    const labels = this.#readLabels(where, y, x.shape[0]);
    checkNonNegative(where, 'reg', reg);
    const dataLoss = softmaxCrossEntropy(this.forward(x), tensor(labels, { dtype: 'int32' }));
    return reg === 0 ? dataLoss : dataLoss.add(l2Penalty([this.fc1.weight, this.fc2.weight], reg));
  }

  /** The highest-scoring class of each row of `x`: int32 `[N]`. */
  predict(x: Tensor): Tensor {
    this.#checkInputs('TwoLayerNet.predict', x);
    return noGrad(() => this.forward(x).argmax(1));
  }

  /** Accuracy of {@link predict} on `x` against `y`, in [0, 1]. */
  score(x: Tensor, y: LabelsInput): number {
    const where = 'TwoLayerNet.score';
    this.#checkInputs(where, x);
    const labels = readLabels(where, y, x.shape[0]);
    return countMatches(this.predict(x).buffer as Int32Array, labels) / labels.length;
  }

  /**
   * Trains by minibatch SGD, as the course's `TwoLayerNet.train`: each step draws a minibatch
   * (a seeded shuffle per epoch), backpropagates {@link loss}, and updates every parameter;
   * after each epoch the learning rate is multiplied by `learningRateDecay` and the training and
   * validation accuracies are recorded. Training continues from the current weights.
   */
  fit(x: Tensor, y: LabelsInput, options: TwoLayerNetFitOptions = {}): TwoLayerNetHistory {
    const where = 'TwoLayerNet.fit';
    this.#checkInputs(where, x);
    const labels = this.#readLabels(where, y, x.shape[0]);
    if (labels.length === 0) throw new Error(`${where}: x has no rows; training needs at least one example`);
    const learningRate = checkPositive(where, 'learningRate', options.learningRate ?? 0.5);
    const learningRateDecay = checkPositive(where, 'learningRateDecay', options.learningRateDecay ?? 0.95);
    const momentum = checkNonNegative(where, 'momentum', options.momentum ?? 0);
    const reg = checkNonNegative(where, 'reg', options.reg ?? 1e-4);
    const batchSize = checkPositiveInteger(where, 'batchSize', options.batchSize ?? 200);
    const epochs = checkPositiveInteger(where, 'epochs', options.epochs ?? 10);
    const seed = checkInteger(where, 'seed', options.seed ?? 0);
    const validation = options.validation;
    if (validation !== undefined) {
      this.#checkInputs(`${where} (validation)`, validation.x);
      this.#readLabels(`${where} (validation)`, validation.y, validation.x.shape[0]);
    }
    const yTensor = tensor(labels, { dtype: 'int32' });
    const optimizer = new SGD(this.parameters(), { lr: learningRate, momentum });
    const scheduler = new ExponentialLR(optimizer, { gamma: learningRateDecay });
    const loader = new DataLoader({ x, y: yTensor }, { batchSize, shuffle: true, seed });
    const history: TwoLayerNetHistory = { lossHistory: [], trainAccuracy: [], valAccuracy: [] };
    this.train();
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (const batch of loader) {
        const loss = this.loss(batch.x, batch.y, { reg });
        optimizer.zeroGrad();
        loss.backward();
        optimizer.step();
        history.lossHistory.push(loss.item());
      }
      scheduler.step();
      history.trainAccuracy.push(this.score(x, yTensor));
      if (validation !== undefined) history.valAccuracy.push(this.score(validation.x, validation.y));
    }
    return history;
  }

  /** The labels, checked to be classes this net scores (its last layer has one output per class). */
  #readLabels(where: string, y: LabelsInput, rows: number): Int32Array {
    const labels = readLabels(where, y, rows);
    checkLabelsBelow(where, labels, this.fc2.outFeatures, 'construct the net with numClasses above the largest label');
    return labels;
  }

  #checkInputs(where: string, x: Tensor): void {
    checkFeatures(where, x);
    checkFeatureCount(where, x, this.fc1.inFeatures, 'x', 'the network takes');
  }
}

/** A `Linear(inFeatures → outFeatures)` with `std · randn` weights and zero biases, in `dtype`. */
function smallRandomLinear(inFeatures: number, outFeatures: number, std: number, dtype: FloatDtype): Linear {
  const layer = new Linear(inFeatures, outFeatures);
  layer.weight = new Parameter(layer.weight.astype(dtype));
  layer.bias = new Parameter(layer.bias!.astype(dtype));
  init.normal_(layer.weight, { std });
  init.zeros_(layer.bias);
  return layer;
}
