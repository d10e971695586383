/**
 * Recipes for `softmax`, `logSoftmax` (any axis, or the default last one) and the fused
 * `softmaxCrossEntropy` (logits `[N, C]` from the pool or fitted; labels an int32 tensor or a
 * plain array). Misuses: an axis out of range or a 0-d input; a label out of range, the wrong
 * number of labels, logits that are not 2-D.
 */
import { formatShape, softmaxCrossEntropy, type Tensor, tensor } from '@tapegrad/tensor';
import { type Builder, spellAxis } from '../builder.js';
import { recipe, type Recipe } from '../recipe.js';

interface AxisAttrs {
  readonly axis?: number;
}

interface LabelAttrs {
  /** Pass the labels as a plain number array instead of the int32 tensor. */
  readonly asArray?: boolean;
}

function alongAxis(op: 'softmax' | 'logSoftmax'): Recipe<AxisAttrs> {
  return recipe<AxisAttrs>({
    op,
    produces: [op],
    run: ([x], { axis }) => (axis === undefined ? x[op]() : x[op](axis)),
    build: (b) => {
      const x = b.pick({ minRank: 1, minSize: 0 });
      const rank = x.tensor.ndim;
      return b.draw(op, [x], { axis: b.rng.chance(0.3) ? undefined : spellAxis(b.rng, b.rng.int(0, rank - 1), rank) });
    },
    misuse: (b) => {
      if (b.rng.chance(0.3)) return b.misuse(op, [b.pick({ maxRank: 0 })], {}, ['[]', 'out of range']);
      const x = b.pick({ minRank: 1 });
      const rank = x.tensor.ndim;
      const axis = b.rng.chance(0.5) ? rank : -rank - 1;
      return b.misuse(op, [x], { axis }, [formatShape(x.tensor.shape), `axis ${axis} is out of range`]);
    },
  });
}

function labelsFor(b: Builder, rows: number, classes: number): Tensor {
  return tensor(Int32Array.from({ length: rows }, () => b.rng.int(0, classes - 1)), { shape: [rows] });
}

export const softmaxRecipes: readonly Recipe[] = [
  alongAxis('softmax'),
  alongAxis('logSoftmax'),
  recipe<LabelAttrs>({
    op: 'softmaxCrossEntropy',
    produces: ['softmaxCrossEntropy'],
    run: ([logits], { asArray }, [labels]) => softmaxCrossEntropy(logits, asArray ? Array.from(labels.buffer) : labels),
    build: (b) => {
      const found = b.candidates({ minRank: 2, maxRank: 2, minSize: 0, accept: (v) => v.tensor.shape[1] >= 1 });
      const logits = found.length > 0 && b.rng.chance(0.5) ? b.prefer(found) : b.shaped([b.rng.int(1, 4), b.rng.int(1, 6)]);
      const [rows, classes] = logits.tensor.shape;
      return b.draw('softmaxCrossEntropy', [logits], { asArray: b.rng.chance(0.3) }, [labelsFor(b, rows, classes)]);
    },
    misuse: (b) => {
      const r = b.rng.next();
      if (r < 0.25) {
        let x = b.pick({ accept: (v) => v.tensor.ndim !== 2 });
        if (x.tensor.ndim === 2) x = b.fit(x, [x.tensor.size]);
        const rows = x.tensor.ndim > 0 ? x.tensor.shape[0] : 1;
        return b.misuse('softmaxCrossEntropy', [x], {}, [formatShape(x.tensor.shape), 'must be 2-D'], [labelsFor(b, rows, 1)]);
      }
      const logits = b.shaped([b.rng.int(1, 4), b.rng.int(1, 5)]);
      const [rows, classes] = logits.tensor.shape;
      const shape = formatShape(logits.tensor.shape);
      if (r < 0.5) return b.misuse('softmaxCrossEntropy', [logits], {}, [shape, `${rows + 1} labels`], [labelsFor(b, rows + 1, classes)]);
      const labels = labelsFor(b, rows, classes);
      const bad = b.rng.int(0, rows - 1);
      labels.buffer[bad] = b.rng.chance(0.5) ? classes : -1;
      const mentions = [shape, `labels[${bad}] = ${labels.buffer[bad]} is outside`];
      return b.misuse('softmaxCrossEntropy', [logits], { asArray: b.rng.chance(0.3) }, mentions, [labels]);
    },
  }),
];
