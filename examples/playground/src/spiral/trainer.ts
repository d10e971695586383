/**
 * The course's spiral classifier: three interleaved spirals, a 2-layer net (2 → 100 ReLU → 3),
 * softmax cross-entropy and Adam, trained full-batch one epoch at a time so the page can draw
 * between epochs. The same code as `examples/mlp-spiral.ts`, running in the browser.
 */
import { spiral } from '@tapegrad/data';
import { softmaxCrossEntropy } from '@tapegrad/losses';
import { Linear, ReLU, Sequential } from '@tapegrad/nn';
import { Adam } from '@tapegrad/optim';
import { manualSeed, noGrad, tensor, type Tensor } from '@tapegrad/tensor';

/** Options of {@link SpiralTrainer}. */
export interface SpiralTrainerOptions {
  /** Hidden ReLU units; the notes' net has 100. */
  readonly hidden?: number;
  /** Adam's learning rate. */
  readonly lr?: number;
  /** Seed of the data and of the initial weights, so every reset starts the same run. */
  readonly seed?: number;
}

/** A model, its optimizer and the data, plus the loss history. */
export class SpiralTrainer {
  readonly x: Tensor;
  readonly y: Tensor;
  readonly losses: number[] = [];
  readonly #model: Sequential;
  readonly #optimizer: Adam;

  constructor({ hidden = 100, lr = 0.01, seed = 0 }: SpiralTrainerOptions = {}) {
    ({ x: this.x, y: this.y } = spiral({ pointsPerClass: 100, classes: 3, seed }));
    manualSeed(seed);
    this.#model = new Sequential(new Linear(2, hidden), new ReLU(), new Linear(hidden, 3));
    this.#optimizer = new Adam(this.#model.parameters(), { lr });
  }

  /** Epochs trained so far. */
  get epoch(): number {
    return this.losses.length;
  }

  /** One full-batch step: forward, loss, backward, update. Returns the loss before the update. */
  trainEpoch(): number {
    this.#optimizer.zeroGrad();
    const loss = softmaxCrossEntropy(this.#model.forward(this.x), this.y);
    loss.backward();
    this.#optimizer.step();
    const value = loss.item();
    this.losses.push(value);
    return value;
  }

  /** Fraction of the training points classified correctly. */
  accuracy(): number {
    return noGrad(() => this.#model.forward(this.x).argmax(1).eq(this.y).sum().item() / this.y.size);
  }

  /**
   * The predicted class at each point of `points` ([n, 2] as a flat array of x, y pairs): the
   * decision regions the picture colours.
   */
  classify(points: Float64Array): Int32Array {
    const predicted = noGrad(() => this.#model.forward(tensor(points, { shape: [points.length / 2, 2] })).argmax(1));
    return Int32Array.from(predicted.buffer);
  }
}
