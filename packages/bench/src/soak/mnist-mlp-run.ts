/**
 * The soak's workload, and the determinism tests': the course's MNIST MLP (784 → hidden → 10,
 * ReLU) trained with SGD with momentum on `softmaxCrossEntropy`, in shuffled batches of 64 rows
 * from a `DataLoader`, epoch after epoch over the 8,000 training images. A run is an object, so
 * a test can make two side by side and compare their losses and weights bit for bit.
 * @module
 */
import { type FloatDtype, getDefaultDtype, manualSeed, setDefaultDtype } from '@tapegrad/tensor';
import { type Dataset, DataLoader } from '@tapegrad/data';
import { loadMnist, MNIST_IMAGE_SIZE } from '@tapegrad/data/node';
import { softmaxCrossEntropy } from '@tapegrad/losses';
import { Linear, ReLU, Sequential } from '@tapegrad/nn';
import { SGD } from '@tapegrad/optim';

/** Options of {@link createMnistMlpRun}. */
export interface MnistMlpOptions {
  /** Dtype of the images and the parameters. Default float32. */
  readonly dtype?: FloatDtype;
  /** Width of the hidden layer. Default 256. */
  readonly hidden?: number;
  /** Rows per step. Default 64 (8,000 / 64 = 125 steps per epoch, no partial batch). */
  readonly batchSize?: number;
  /** Seed of the split (`loadMnist`), the initialisation (`manualSeed`) and the shuffles (`DataLoader`). Default 0. */
  readonly seed?: number;
}

/** One training run, advanced a step at a time. */
export interface MnistMlpRun {
  readonly model: Sequential;
  readonly optimizer: SGD;
  /** Steps taken so far. */
  readonly steps: number;
  /** Trains on the next batch and returns its loss (before the update). */
  step(): number;
}

const PIXELS = MNIST_IMAGE_SIZE * MNIST_IMAGE_SIZE;
const CLASSES = 10;

/** A fresh run: the same options give the same sequence of batches, losses and weights. */
export function createMnistMlpRun({ dtype = 'float32', hidden = 256, batchSize = 64, seed = 0 }: MnistMlpOptions = {}): MnistMlpRun {
  const { train } = loadMnist({ seed, dtype });
  const loader = new DataLoader(train, { batchSize, shuffle: true, seed, dropLast: true });
  manualSeed(seed);
  const model = withDefaultDtype(dtype, () => new Sequential(new Linear(PIXELS, hidden), new ReLU(), new Linear(hidden, CLASSES)));
  const optimizer = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
  let epoch: Iterator<Dataset> = loader[Symbol.iterator]();
  let steps = 0;
  return {
    model,
    optimizer,
    get steps() {
      return steps;
    },
    step() {
      let batch = epoch.next();
      if (batch.done === true) {
        epoch = loader[Symbol.iterator]();
        batch = epoch.next();
      }
      const { x, y } = batch.value as Dataset;
      optimizer.zeroGrad();
      const loss = softmaxCrossEntropy(model.forward(x), y);
      loss.backward();
      optimizer.step();
      steps++;
      return loss.item();
    },
  };
}

/** Runs `build` with `dtype` as the default float dtype (the layers create their parameters in it). */
function withDefaultDtype<T>(dtype: FloatDtype, build: () => T): T {
  const previous = getDefaultDtype();
  setDefaultDtype(dtype);
  try {
    return build();
  } finally {
    setDefaultDtype(previous);
  }
}
