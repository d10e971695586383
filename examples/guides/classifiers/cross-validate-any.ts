// examples/guides/classifiers/cross-validate-any.ts
import { take } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';
import { crossValidate, LinearClassifier } from '@tapegrad/classifiers';

const { train } = loadMnist({ seed: 0 });
const part = take(train, Array.from({ length: 1000 }, (_, i) => i));

// The grid written inline keeps its literal types: the setting is { loss: 'softmax' | 'svm'; reg: number }.
const cv = crossValidate((setting) => new LinearClassifier({ ...setting, epochs: 10, numClasses: 10 }), part, {
  grid: { loss: ['softmax', 'svm'], reg: [1e-4, 1e-1] },
  folds: 3,
});
console.log(cv.toString());
