/**
 * The two networks the MNIST tutorials (`mnist-mlp.ts`, `mnist-cnn.ts`) and `pnpm demo` train,
 * built in one place so that all three train the same models and a checkpoint the demo saves
 * loads into a model built here. Both take the rows `loadMnist` gives, `[N, 784]`, and return
 * ten class scores per row, `[N, 10]`.
 */
import { Conv2d, Flatten, Linear, MaxPool2d, ReLU, Sequential, Unflatten } from '@tapegrad/nn';
import { MNIST_IMAGE_SIZE as SIDE } from '@tapegrad/data/node';

/** Pixels per image: the width of a row of `loadMnist`'s `x`. */
const PIXELS = SIDE * SIDE;
/** One score per digit. */
const CLASSES = 10;

/** Units in the MLP's hidden layer. */
export const MLP_HIDDEN = 256;

/** The multi-layer perceptron 784 → 256 → 10 with a ReLU between: about 200,000 weights. */
export function mlp(): Sequential {
  return new Sequential(new Linear(PIXELS, MLP_HIDDEN), new ReLU(), new Linear(MLP_HIDDEN, CLASSES));
}

/** Filters of the CNN's two convolutions, and units of its hidden linear layer. */
export const CNN_SIZES = { channels: [8, 16], hidden: 128 } as const;

/**
 * A small CNN, two conv + pool blocks then two linear layers:
 * `[N,1,28,28]` → conv 3×3 (8) → ReLU → pool 2 → `[N,8,14,14]` → conv 3×3 (16) → ReLU → pool 2 →
 * `[N,16,7,7]` → flatten → linear 784 → 128 → ReLU → linear 128 → 10. About 100,000 weights,
 * nearly all in the first linear layer; the convolutions have 1,248 (80 + 1,168, biases included) but do most of the work
 * (and take most of the time). Padding 1 keeps each convolution's output the size of its input,
 * so only the pools halve the image.
 */
export function cnn(): Sequential {
  const [first, second] = CNN_SIZES.channels;
  const pooledSide = SIDE / 4;
  return new Sequential(
    new Unflatten(1, [1, SIDE, SIDE]),
    new Conv2d(1, first, 3, { padding: 1 }), new ReLU(), new MaxPool2d(2),
    new Conv2d(first, second, 3, { padding: 1 }), new ReLU(), new MaxPool2d(2),
    new Flatten(),
    new Linear(second * pooledSide * pooledSide, CNN_SIZES.hidden), new ReLU(),
    new Linear(CNN_SIZES.hidden, CLASSES),
  );
}
