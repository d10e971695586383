// examples/guides/linear-classifiers/train.ts
import { take } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';
import { LinearClassifier } from '@tapegrad/classifiers';

const { train, test } = loadMnist({ seed: 0 });
const trainPart = take(train, Array.from({ length: 2000 }, (_, i) => i));

for (const loss of ['softmax', 'svm'] as const) {
  const model = new LinearClassifier({ loss }); // the defaults: reg 1e-4, batch 200, 20 epochs
  const lossHistory = model.fit(trainPart.x, trainPart.y); // one loss per minibatch step
  console.log(
    `${loss.padEnd(7)}: ${lossHistory.length} steps, loss ${lossHistory[0].toFixed(3)} → ${lossHistory.at(-1)!.toFixed(3)}, ` +
      `W [${model.W.shape}], b [${model.b.shape}], test accuracy ${model.score(test.x, test.y).toFixed(3)}`,
  );
}
