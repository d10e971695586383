/**
 * LinearClassifier: the course's sanity checks, a gradient check of the whole objective, training
 * on a toy set, the templates, and its errors.
 */
import { describe, expect, it } from 'vitest';
import { grad, manualSeed, randint, randn, type Tensor, tensor } from '@tapegrad/tensor';
import { assertGradcheck } from '@tapegrad/gradcheck';
import { blobs } from '@tapegrad/data';
import { LinearClassifier, linearClassifierObjective } from '../src/index.js';

/** 500 random examples of 40 features with labels spread over 10 classes. */
function tenClasses(seed: number): { x: Tensor; y: Tensor } {
  manualSeed(seed);
  return { x: randn([500, 40]), y: randint(0, 10, [500]) };
}

describe('LinearClassifier', () => {
  it('starts near ln 10 with softmax and near 9 with the SVM (the sanity check at tiny weights)', () => {
    const { x, y } = tenClasses(1);
    expect(new LinearClassifier({ loss: 'softmax' }).initialLoss(x, y)).toBeCloseTo(Math.log(10), 2);
    expect(new LinearClassifier({ loss: 'svm' }).initialLoss(x, y)).toBeCloseTo(9, 1);
    expect(new LinearClassifier({ loss: 'svm', margin: 2 }).initialLoss(x, y)).toBeCloseTo(18, 1);
  });

  it('raises the loss when regularisation is turned on', () => {
    const { x, y } = tenClasses(2);
    manualSeed(0);
    const W = randn([40, 10]).mul(0.1);
    const b = randn([10]);
    for (const loss of ['svm', 'softmax'] as const) {
      const plain = linearClassifierObjective(x, y, W, b, { loss }).item();
      const regularised = linearClassifierObjective(x, y, W, b, { loss, reg: 0.5 }).item();
      // λ Σ W², not ½ λ Σ W².
      expect(regularised - plain, loss).toBeCloseTo(0.5 * W.mul(W).sum().item(), 10);
    }
  });

  describe.each(['svm', 'softmax'] as const)('the %s objective', (loss) => {
    it('passes a gradient check of data loss + λ Σ W² in float64, for W and b', () => {
      manualSeed(3);
      const x = randn([12, 6]);
      const y = tensor([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3], { dtype: 'int32' });
      const W = randn([6, 4]).mul(0.5);
      const b = randn([4]).mul(0.1);
      assertGradcheck((W, b) => linearClassifierObjective(x, y, W, b, { loss, reg: 0.3 }), [W, b]);
    });

    it('adds 2λW to the gradient of W and nothing to that of b', () => {
      manualSeed(4);
      const x = randn([8, 5]);
      const y = [0, 2, 1, 1, 2, 0, 2, 1];
      const W = randn([5, 3]);
      const b = randn([3]);
      const gradients = (reg: number) => grad((W: Tensor, b: Tensor) => linearClassifierObjective(x, y, W, b, { loss, reg }), [0, 1])(W, b) as Tensor[];
      const [dW0, db0] = gradients(0);
      const [dW, db] = gradients(0.25);
      expect(dW.sub(dW0).sub(W.mul(0.5)).abs().max().item()).toBeLessThan(1e-12);
      expect(db.sub(db0).abs().max().item()).toBe(0);
    });

    it('learns three separable blobs: from the loss of a guess to above 95 % accuracy', () => {
      const { x, y } = blobs({ n: 300, centers: [[-4, 0], [4, 0], [0, 5]], std: 1, seed: 0 });
      const model = new LinearClassifier({ loss, epochs: 10, batchSize: 50, learningRate: loss === 'svm' ? 0.01 : 0.05 });
      const chance = loss === 'svm' ? 2 : Math.log(3);
      expect(model.initialLoss(x, y)).toBeCloseTo(chance, 1);
      const history = model.fit(x, y);
      expect(history).toHaveLength(10 * 6);
      expect(history.at(-1)!).toBeLessThan(chance / 4);
      expect(model.score(x, y)).toBeGreaterThan(0.95);
      expect(model.predict(x).dtype).toBe('int32');
      expect(model.W.shape).toEqual([2, 3]);
      expect(model.b.shape).toEqual([3]);
    });
  });

  it('trains the same weights from the same seed, and runs exactly `iterations` steps when given', () => {
    const { x, y } = tenClasses(5);
    const fit = (seed: number) => {
      const model = new LinearClassifier({ loss: 'softmax', iterations: 7, batchSize: 64, seed });
      return { history: model.fit(x, y), W: model.W };
    };
    const first = fit(0);
    expect(first.history).toHaveLength(7);
    expect(fit(0).W.toArray()).toEqual(first.W.toArray());
    expect(fit(1).W.toArray()).not.toEqual(first.W.toArray());
  });

  it("shows W's columns as [C, height, width] templates", () => {
    manualSeed(6);
    const x = randn([30, 12]);
    const y = randint(0, 3, [30]);
    const model = new LinearClassifier({ loss: 'softmax', epochs: 1 });
    model.fit(x, y);
    const templates = model.templates(3, 4);
    expect(templates.shape).toEqual([3, 3, 4]);
    const W = model.W.toArray() as number[][];
    const column = (c: number) => W.map((row) => row[c]);
    expect((templates.toArray() as number[][][])[2].flat()).toEqual(column(2));
  });

  describe('errors', () => {
    it('rejects a missing or unknown loss and bad hyperparameters', () => {
      expect(() => new LinearClassifier(undefined as never)).toThrow("LinearClassifier: pass the options, at least the loss: new LinearClassifier({ loss: 'softmax' })");
      expect(() => new LinearClassifier({ loss: 'hinge' as 'svm' })).toThrow("LinearClassifier: unknown loss 'hinge'; use one of 'svm', 'softmax'");
      expect(() => new LinearClassifier({ loss: 'svm', learningRate: -1 })).toThrow('LinearClassifier: learningRate must be a finite number > 0, got -1');
      expect(() => new LinearClassifier({ loss: 'svm', batchSize: 0 })).toThrow('LinearClassifier: batchSize must be an integer ≥ 1, got 0');
      expect(() => new LinearClassifier({ loss: 'svm', reg: Number.NaN })).toThrow('LinearClassifier: reg must be a finite number ≥ 0, got NaN');
    });

    it('refuses to predict, score or show templates before fit', () => {
      const model = new LinearClassifier({ loss: 'softmax' });
      expect(() => model.predict(randn([2, 3]))).toThrow('LinearClassifier.predict: the model has not been fit yet; call fit(x, y) first');
      expect(() => model.score(randn([2, 3]), [0, 1])).toThrow('LinearClassifier.score: the model has not been fit yet');
      expect(() => model.templates(28, 28)).toThrow('LinearClassifier.templates: the model has not been fit yet');
      expect(() => model.W).toThrow('LinearClassifier.W: the model has not been fit yet');
    });

    it('names feature-count, row-count and template-size mismatches', () => {
      const model = new LinearClassifier({ loss: 'svm', epochs: 1 });
      model.fit(randn([10, 784]), randint(0, 10, [10]));
      expect(() => model.predict(randn([2, 783]))).toThrow(
        'LinearClassifier.predict: x has 783 features but the model was fit on 784; pass rows of 784 features, preprocessed as the training data was',
      );
      expect(() => model.score(randn([3, 784]), [0, 1])).toThrow('LinearClassifier.score: x has 3 rows but y has 2 labels; pass exactly one label per row of x');
      expect(() => model.fit(randn([3, 784]), [0, 1])).toThrow('LinearClassifier.fit: x has 3 rows but y has 2 labels');
      expect(() => model.templates(27, 28)).toThrow(
        'LinearClassifier.templates: W [784,10] has 784 features per class, but 27 × 28 = 756; pass the height and width of the images the model was fit on (for MNIST, templates(28, 28))',
      );
    });

    it('names a label beyond numClasses', () => {
      const model = new LinearClassifier({ loss: 'softmax', numClasses: 3 });
      expect(() => model.fit(randn([2, 2]), [0, 5])).toThrow('LinearClassifier.fit: label 5 is outside [0, 3) (numClasses = 3); raise numClasses or fix the labels');
    });

    it('names itself for NaN features, not the DataLoader it trains with', () => {
      expect(() => new LinearClassifier({ loss: 'svm' }).fit(tensor([[0, Number.NaN], [1, 1]]), [0, 1])).toThrow(
        'LinearClassifier.fit: x has NaN at row 0, column 1 of x [2,2]; drop or impute missing and infinite values',
      );
    });

    it('names a label of a class the training labels never reached, and numClasses fixes it', () => {
      // A training subset (a fold) without the top class gives W one column fewer.
      const x = tensor([[0, 0], [1, 1], [2, 2]]);
      const inferred = new LinearClassifier({ loss: 'softmax', epochs: 1 });
      inferred.fit(x, [0, 1, 1]);
      expect(inferred.W.shape).toEqual([2, 2]);
      expect(() => inferred.objective(x, [0, 1, 2])).toThrow(
        'LinearClassifier.objective: y[2] = 2 but the model scores 2 classes (0 … 1); the training labels had no class that large; pass numClasses to the constructor so that W has a column for every class',
      );
      const declared = new LinearClassifier({ loss: 'softmax', epochs: 1, numClasses: 3 });
      declared.fit(x, [0, 1, 1]);
      expect(declared.W.shape).toEqual([2, 3]);
      expect(Number.isFinite(declared.objective(x, [0, 1, 2]))).toBe(true);
    });

    it('checks the shapes handed to linearClassifierObjective', () => {
      const x = randn([4, 3]);
      expect(() => linearClassifierObjective(x, [0, 1, 0, 1], randn([4, 2]), randn([2]), { loss: 'svm' })).toThrow(
        'linearClassifierObjective: W must be [3, C] (one row per feature of x [4,3] float64, one column per class), got [4,2] float64',
      );
      expect(() => linearClassifierObjective(x, [0, 1, 0, 1], randn([3, 2]), randn([3]), { loss: 'softmax' })).toThrow(
        'linearClassifierObjective: b must be [2] (one bias per class, the columns of W [3,2] float64), got [3] float64',
      );
    });
  });
});
