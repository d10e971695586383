import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { manualSeed, randint, randn } from '@tapegrad/tensor';
import { arbitraries, assertGradcheck } from '@tapegrad/gradcheck';
import {
  BatchNorm1d, BatchNorm2d, Conv2d, Dropout, Embedding, Flatten, LayerNorm, LeakyReLU, Linear, MaxPool2d, ReLU, Sequential, Sigmoid, Softmax, Tanh, Unflatten,
} from '@tapegrad/nn';
import { assertLayerGradients } from './layer-gradcheck.js';

const size = (max: number) => fc.integer({ min: 1, max });
const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const runs = { numRuns: 15 };

describe('every layer passes gradcheck for its input and every parameter (float64, random sizes)', () => {
  test.prop([fc.array(size(3), { minLength: 0, maxLength: 2 }), size(5), size(4), fc.boolean(), seed], runs)(
    'Linear, over any number of leading axes, with and without bias',
    (leading, inFeatures, outFeatures, bias, s) => {
      manualSeed(s);
      const layer = new Linear(inFeatures, outFeatures, { bias });
      const report = assertLayerGradients(layer, [randn([...leading, inFeatures])]);
      expect(report.perInput).toHaveLength(bias ? 3 : 2);
    },
  );

  test.prop([size(4), size(3), size(3), seed], runs)('Sequential(Linear, Tanh, Linear): dotted names reach nested parameters', (n, a, b, s) => {
    manualSeed(s);
    const layer = new Sequential(new Linear(a, b), new Tanh(), new Linear(b, 2));
    expect(assertLayerGradients(layer, [randn([n, a])]).perInput).toHaveLength(5);
  });

  test.prop([arbitraries.anyTensor({ maxSize: 24 }, { awayFrom: [0] }), fc.double({ min: -0.5, max: 0.5, noNaN: true })], runs)(
    'ReLU and LeakyReLU, away from the kink at 0',
    (x, slope) => {
      assertLayerGradients(new ReLU(), [x]);
      assertLayerGradients(new LeakyReLU(slope), [x]);
    },
  );

  test.prop([arbitraries.anyTensor({ maxSize: 24 }), fc.integer({ min: -1, max: 0 })], runs)('Tanh, Sigmoid and Softmax', (x, axis) => {
    assertLayerGradients(new Tanh(), [x]);
    assertLayerGradients(new Sigmoid(), [x]);
    if (x.ndim > 0) assertLayerGradients(new Softmax(axis), [x]);
  });

  test.prop([arbitraries.anyTensor({ maxSize: 24 }), fc.double({ min: 0, max: 0.9, noNaN: true }), seed], runs)(
    'Dropout in training mode, with the mask fixed by reseeding',
    (x, p, s) => {
      const dropout = new Dropout(p);
      assertGradcheck((x) => {
        manualSeed(s);
        return dropout.forward(x);
      }, [x]);
    },
  );

  test.prop([arbitraries.shape({ minRank: 2, maxSize: 24 }), fc.integer({ min: 0, max: 3 })], runs)('Flatten', (shape, start) => {
    const startAxis = Math.min(start, shape.length - 1);
    assertLayerGradients(new Flatten(startAxis), [randn(shape)]);
  });

  test.prop([arbitraries.shape({ minRank: 1, maxSize: 24 }), fc.nat()], runs)('Unflatten', (shape, pick) => {
    const axis = pick % shape.length;
    assertLayerGradients(new Unflatten(axis, [1, shape[axis], 1]), [randn(shape)]);
  });

  test.prop([size(5), size(3), fc.constantFrom(0, 1, 3), fc.boolean(), seed], runs)(
    'BatchNorm1d on [N,C] and [N,C,L], training and evaluation mode',
    (n, c, length, training, s) => {
      manualSeed(s);
      const shape = length === 0 ? [n + 1, c] : [n + 1, c, length];
      const layer = new BatchNorm1d(c);
      if (!training) {
        layer.forward(randn(shape).mul(2).add(1)); // running statistics that are not 0 and 1
        layer.eval();
      }
      assertLayerGradients(layer, [randn(shape)]);
    },
  );

  test.prop([size(3), size(3), size(3), size(3), seed], runs)('BatchNorm2d on [N,C,H,W]', (n, c, h, w, s) => {
    manualSeed(s);
    assertLayerGradients(new BatchNorm2d(c), [randn([n + 1, c, h, w])]);
  });

  test.prop([fc.array(size(3), { minLength: 1, maxLength: 2 }), fc.array(size(4), { minLength: 1, maxLength: 2 }), seed], runs)(
    'LayerNorm over one or two trailing axes',
    (leading, normalized, s) => {
      manualSeed(s);
      if (normalized.reduce((a, b) => a * b, 1) < 2) normalized = [...normalized, 2];
      assertLayerGradients(new LayerNorm(normalized), [randn([...leading, ...normalized])]);
    },
  );

  test.prop([size(6), size(4), fc.array(size(3), { minLength: 1, maxLength: 2 }), seed], runs)(
    'Embedding: gradients add up into the rows the ids select, repeats included',
    (numEmbeddings, dim, indexShape, s) => {
      manualSeed(s);
      const indices = randint(0, numEmbeddings, indexShape);
      assertLayerGradients(new Embedding(numEmbeddings, dim), [indices]);
    },
  );

  const convCase = fc
    .record({
      n: size(2), inC: size(2), outC: size(2), h: size(5), w: size(5),
      kh: size(3), kw: size(3), sh: size(2), sw: size(2), ph: fc.integer({ min: 0, max: 1 }), pw: fc.integer({ min: 0, max: 1 }),
      bias: fc.boolean(), s: seed,
    })
    .filter(({ h, w, kh, kw, ph, pw }) => h + 2 * ph >= kh && w + 2 * pw >= kw);

  test.prop([convCase], runs)('Conv2d over random kernel, stride and padding', ({ n, inC, outC, h, w, kh, kw, sh, sw, ph, pw, bias, s }) => {
    manualSeed(s);
    const layer = new Conv2d(inC, outC, [kh, kw], { stride: [sh, sw], padding: [ph, pw], bias });
    assertLayerGradients(layer, [randn([n, inC, h, w])]);
  });

  const poolCase = fc
    .record({ n: size(2), c: size(2), h: size(5), w: size(5), kh: size(3), kw: size(3), sh: size(2), sw: size(2) })
    .filter(({ h, w, kh, kw }) => h >= kh && w >= kw)
    .chain((geometry) =>
      arbitraries.distinctTensors([[geometry.n, geometry.c, geometry.h, geometry.w]]).map(([x]) => ({ ...geometry, x })),
    );

  test.prop([poolCase], runs)('MaxPool2d over random kernel and stride, without ties', ({ x, kh, kw, sh, sw }) => {
    assertLayerGradients(new MaxPool2d([kh, kw], { stride: [sh, sw] }), [x]);
  });
});
