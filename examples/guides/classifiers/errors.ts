// examples/guides/classifiers/errors.ts
import { tensor, zeros } from '@tapegrad/tensor';
import { crossValidate, KNearestNeighbor, LinearClassifier, TwoLayerNet } from '@tapegrad/classifiers';

/** Runs `attempt` and prints the message of the error it throws. */
function show(attempt: () => unknown): void {
  try {
    attempt();
    console.log('(no error)');
  } catch (error) {
    console.log((error as Error).message);
  }
}

const x = zeros([5, 784]);
const y = tensor([0, 1, 2, 3, 4], { dtype: 'int32' });
show(() => new KNearestNeighbor().fit(x, y).predict(zeros([2, 783])));
show(() => new KNearestNeighbor({ k: 6 }).fit(x, y));
show(() => new KNearestNeighbor().predict(x));
// @ts-expect-error: 'hinge' is not one of the losses; a JavaScript caller gets this message
show(() => new LinearClassifier({ loss: 'hinge' }));
show(() => new LinearClassifier({ loss: 'svm' }).fit(zeros([3, 2]), [0, 1]));
show(() => new LinearClassifier({ loss: 'svm' }).fit(tensor([[1, NaN], [0, 1]]), [0, 1]));
show(() => new TwoLayerNet(2, 4, 2).fit(zeros([2, 2]), [0, 2]));
show(() => {
  const model = new LinearClassifier({ loss: 'softmax', epochs: 1 });
  model.fit(x, y);
  return model.templates(27, 28);
});
show(() => crossValidate((s) => new KNearestNeighbor(s), { x: zeros([6, 2]), y: tensor([0, 1, 0, 1, 0, 1], { dtype: 'int32' }) }, { grid: { k: [1] }, folds: 7 }));
