/**
 * The course's linear classifier, `scores = x·W + b`, with the SVM or the softmax loss.
 * @module
 */
import { type Dtype, formatShape, manualSeed, noGrad, randn, Tensor, tensor, zeros } from '@tapegrad/tensor';
import { DataLoader } from '@tapegrad/data';
import { ExponentialLR, SGD } from '@tapegrad/optim';
import { countMatches } from '../accuracy.js';
import { checkFeatureCount, checkFeatures } from '../features.js';
import { checkChoice, checkInteger, checkNonNegative, checkPositive, checkPositiveInteger } from '../hyperparameters.js';
import { checkLabelsBelow, countClasses, type LabelsInput, readLabels } from '../labels.js';
import { LINEAR_LOSSES, type LinearLoss, linearClassifierObjective } from './linear-objective.js';

/** Options of `new LinearClassifier(options)`; only `loss` is required. */
export interface LinearClassifierOptions {
  /** `'svm'` (multiclass hinge) or `'softmax'` (cross-entropy). */
  readonly loss: LinearLoss;
  /** Regularisation strength λ of `λ Σ W²` (default 1e-4). */
  readonly reg?: number;
  /** SGD step size (default 0.5 for softmax, 0.05 for SVM). */
  readonly learningRate?: number;
  /** Factor applied to the learning rate after every epoch (default 1: constant). */
  readonly learningRateDecay?: number;
  /** Momentum ρ of SGD (default 0: the course's plain `W −= lr · dW`). */
  readonly momentum?: number;
  /** Examples per minibatch (default 200, the course's). */
  readonly batchSize?: number;
  /** Passes over the training set (default 20). */
  readonly epochs?: number;
  /** Total SGD steps, as the course's `num_iters`; when given it replaces `epochs`. */
  readonly iterations?: number;
  /** The SVM's margin Δ (default 1); ignored by softmax. */
  readonly margin?: number;
  /** Standard deviation of the initial weights, `W = weightScale · randn` (default 1e-3). */
  readonly weightScale?: number;
  /**
   * Number of classes C (default: the largest training label + 1). Pass it when the training
   * labels may miss the top classes (a small fold, a filtered subset): `W` then has a column for
   * every class, and `objective` accepts labels of every class.
   */
  readonly numClasses?: number;
  /** Seed of the initial weights and of the minibatch order (default 0). */
  readonly seed?: number;
}

/**
 * A linear classifier as in the course: scores `x·W + b` with `W` `[D, C]` and `b` `[C]`,
 * trained by minibatch SGD through the autograd engine (`loss.backward()`, then an `SGD` step)
 * on the objective of {@link linearClassifierObjective}:
 *
 * ```text
 * L = (1/N) Σ_i L_i + λ Σ W²     (L_i: multiclass hinge for 'svm', cross-entropy for 'softmax')
 * ```
 *
 * The regulariser is **`λ Σ W²`** (gradient `2λW`); the bias is not regularised.
 *
 * ```ts
 * const { train, test } = loadMnist({ seed: 0 });
 * const svm = new LinearClassifier({ loss: 'svm' });
 * svm.initialLoss(train.x, train.y);          // ≈ 9 (C − 1): the sanity check
 * const lossHistory = svm.fit(train.x, train.y);
 * svm.score(test.x, test.y);                  // ≈ 0.9
 * svm.templates(28, 28);                      // [10, 28, 28]: one picture per digit
 * ```
 *
 * **Defaults** are chosen for MNIST as `loadMnist` returns it (pixels in [0, 1], not
 * mean-subtracted): 20 epochs of minibatches of 200, λ = 1e-4, learning rate 0.5 (softmax) or
 * 0.05 (SVM, whose per-example gradient sums up to C − 1 violated margins). Both reach 91–93 %
 * on the 1,000 test digits of `loadMnist({ seed })` for seeds 0–2. They assume features of
 * about that scale; for larger inputs (raw 0–255 pixels, standardised features) lower the
 * learning rate.
 *
 * **Randomness.** `fit` and `initialLoss` call `manualSeed(seed)` before drawing `W`, so they
 * reseed tensor's global generator (as `spiral` does); the minibatch order comes from a
 * `DataLoader` with its own generator seeded by `seed`. The same seed gives the same weights.
 */
export class LinearClassifier {
  /** The data loss. */
  readonly loss: LinearLoss;
  /** Regularisation strength λ. */
  readonly reg: number;
  /** Initial SGD step size. */
  readonly learningRate: number;
  /** Per-epoch learning-rate factor. */
  readonly learningRateDecay: number;
  /** SGD momentum ρ. */
  readonly momentum: number;
  /** Examples per minibatch. */
  readonly batchSize: number;
  /** Passes over the training set (unless `iterations` is set). */
  readonly epochs: number;
  /** Total SGD steps, or undefined to run `epochs` epochs. */
  readonly iterations: number | undefined;
  /** The SVM margin Δ. */
  readonly margin: number;
  /** Standard deviation of the initial weights. */
  readonly weightScale: number;
  /** Number of classes, or undefined to take it from the training labels. */
  readonly numClasses: number | undefined;
  /** Seed of the initial weights and the minibatch order. */
  readonly seed: number;
  #W: Tensor | null = null;
  #b: Tensor | null = null;

  /** A classifier with the `'svm'` or `'softmax'` loss; every other option has a default. */
  constructor(options: LinearClassifierOptions) {
    const where = 'LinearClassifier';
    if (options === null || typeof options !== 'object') {
      throw new Error(`${where}: pass the options, at least the loss: new LinearClassifier({ loss: 'softmax' }) or { loss: 'svm' }`);
    }
    this.loss = checkChoice(where, 'loss', options.loss, LINEAR_LOSSES);
    this.reg = checkNonNegative(where, 'reg', options.reg ?? 1e-4);
    this.learningRate = checkPositive(where, 'learningRate', options.learningRate ?? (this.loss === 'svm' ? 0.05 : 0.5));
    this.learningRateDecay = checkPositive(where, 'learningRateDecay', options.learningRateDecay ?? 1);
    this.momentum = checkNonNegative(where, 'momentum', options.momentum ?? 0);
    this.batchSize = checkPositiveInteger(where, 'batchSize', options.batchSize ?? 200);
    this.epochs = checkPositiveInteger(where, 'epochs', options.epochs ?? 20);
    this.iterations = options.iterations === undefined ? undefined : checkPositiveInteger(where, 'iterations', options.iterations);
    this.margin = checkNonNegative(where, 'margin', options.margin ?? 1);
    this.weightScale = checkPositive(where, 'weightScale', options.weightScale ?? 1e-3);
    this.numClasses = options.numClasses === undefined ? undefined : checkPositiveInteger(where, 'numClasses', options.numClasses);
    this.seed = checkInteger(where, 'seed', options.seed ?? 0);
  }

  /** The weights `[D, C]`: column `c` scores class `c`. A leaf that requires grad; set by `fit`. */
  get W(): Tensor {
    return this.#fitted('LinearClassifier.W').W;
  }

  /** The biases `[C]`, one per class; set by `fit`. */
  get b(): Tensor {
    return this.#fitted('LinearClassifier.b').b;
  }

  /** Whether `fit` has been called. */
  get isFitted(): boolean {
    return this.#W !== null;
  }

  /**
   * Trains from fresh weights (`weightScale · randn`, biases 0) by minibatch SGD on `x` `[N, D]`
   * and labels `y`, and returns the loss history: the full objective (data loss + `λ Σ W²`) of
   * every minibatch step, as the course's `loss_history`.
   */
  fit(x: Tensor, y: LabelsInput): number[] {
    const where = 'LinearClassifier.fit';
    checkFeatures(where, x);
    const labels = readLabels(where, y, x.shape[0]);
    if (labels.length === 0) throw new Error(`${where}: x has no rows; training needs at least one example`);
    const classes = this.#classCount(where, labels);
    const { W, b } = this.#initialWeights(x.shape[1], classes, x.dtype);
    this.#W = W;
    this.#b = b;
    const optimizer = new SGD([W, b], { lr: this.learningRate, momentum: this.momentum });
    const scheduler = new ExponentialLR(optimizer, { gamma: this.learningRateDecay });
    const loader = new DataLoader({ x, y: tensor(labels, { dtype: 'int32' }) }, { batchSize: this.batchSize, shuffle: true, seed: this.seed });
    const steps = this.iterations ?? this.epochs * loader.length;
    const history: number[] = [];
    while (history.length < steps) {
      for (const batch of loader) {
        const loss = linearClassifierObjective(batch.x, batch.y, W, b, { loss: this.loss, reg: this.reg, margin: this.margin });
        optimizer.zeroGrad();
        loss.backward();
        optimizer.step();
        history.push(loss.item());
        if (history.length === steps) break;
      }
      scheduler.step();
    }
    return history;
  }

  /**
   * The course's sanity check: the data loss (no regularisation) on `x`, `y` at the small random
   * weights `fit` starts from, without training and without changing the model. With scores
   * near 0 every class is equally likely, so it should be close to `ln C` for softmax (2.303 for
   * 10 classes) and to `(C − 1)·Δ` for the SVM (9). Far from that, the loss or the data is off.
   */
  initialLoss(x: Tensor, y: LabelsInput): number {
    const where = 'LinearClassifier.initialLoss';
    checkFeatures(where, x);
    const labels = readLabels(where, y, x.shape[0]);
    const { W, b } = this.#initialWeights(x.shape[1], this.#classCount(where, labels), x.dtype);
    return noGrad(() => linearClassifierObjective(x, tensor(labels, { dtype: 'int32' }), W, b, { loss: this.loss, margin: this.margin }).item());
  }

  /** The full objective (data loss + `λ Σ W²`) on `x`, `y` at the current weights. */
  objective(x: Tensor, y: LabelsInput): number {
    const where = 'LinearClassifier.objective';
    const { W, b } = this.#fitted(where);
    this.#checkInputs(where, x, W);
    const labels = readLabels(where, y, x.shape[0]);
    checkLabelsBelow(where, labels, W.shape[1], 'the training labels had no class that large; pass numClasses to the constructor so that W has a column for every class');
    return noGrad(() => linearClassifierObjective(x, tensor(labels, { dtype: 'int32' }), W, b, { loss: this.loss, reg: this.reg, margin: this.margin }).item());
  }

  /** Class scores `x·W + b`, `[N, C]`, without recording on the tape. */
  scores(x: Tensor): Tensor {
    const where = 'LinearClassifier.scores';
    const { W, b } = this.#fitted(where);
    this.#checkInputs(where, x, W);
    return noGrad(() => x.matmul(W).add(b));
  }

  /** The highest-scoring class of each row of `x`: int32 `[N]`. */
  predict(x: Tensor): Tensor {
    const where = 'LinearClassifier.predict';
    const { W, b } = this.#fitted(where);
    this.#checkInputs(where, x, W);
    return noGrad(() => x.matmul(W).add(b).argmax(1));
  }

  /** Accuracy of {@link predict} on `x` against `y`, in [0, 1]. */
  score(x: Tensor, y: LabelsInput): number {
    const where = 'LinearClassifier.score';
    const { W } = this.#fitted(where);
    this.#checkInputs(where, x, W);
    const labels = readLabels(where, y, x.shape[0]);
    return countMatches(this.predict(x).buffer as Int32Array, labels) / labels.length;
  }

  /**
   * The learned weights as pictures: column `c` of `W` reshaped to `[height, width]`, for every
   * class, giving `[C, height, width]`. Each is the template class `c`'s score matches the input
   * against (bright where a pixel raises the score). Rescale to [0, 255] to display it.
   */
  templates(height: number, width: number): Tensor {
    const where = 'LinearClassifier.templates';
    const { W } = this.#fitted(where);
    checkPositiveInteger(where, 'height', height);
    checkPositiveInteger(where, 'width', width);
    const [features, classes] = W.shape;
    if (height * width !== features) {
      throw new Error(
        `${where}: W ${formatShape(W.shape)} has ${features} features per class, but ${height} × ${width} = ${height * width}; ` +
          `pass the height and width of the images the model was fit on (for MNIST, templates(28, 28))`,
      );
    }
    return noGrad(() => W.detach().transpose(0, 1).reshape([classes, height, width]));
  }

  #initialWeights(features: number, classes: number, dtype: Dtype): { W: Tensor; b: Tensor } {
    manualSeed(this.seed);
    const W = randn([features, classes], { dtype }).mul(this.weightScale).requiresGrad_();
    W.label = 'W';
    const b = zeros([classes], { dtype, requiresGrad: true, label: 'b' });
    return { W, b };
  }

  #classCount(where: string, labels: Int32Array): number {
    const fromLabels = countClasses(labels);
    if (this.numClasses === undefined) return fromLabels;
    if (fromLabels > this.numClasses) {
      throw new Error(`${where}: label ${fromLabels - 1} is outside [0, ${this.numClasses}) (numClasses = ${this.numClasses}); raise numClasses or fix the labels`);
    }
    return this.numClasses;
  }

  #checkInputs(where: string, x: Tensor, W: Tensor): void {
    checkFeatures(where, x);
    checkFeatureCount(where, x, W.shape[0]);
  }

  #fitted(where: string): { W: Tensor; b: Tensor } {
    if (this.#W === null || this.#b === null) throw new Error(`${where}: the model has not been fit yet; call fit(x, y) first`);
    return { W: this.#W, b: this.#b };
  }
}
