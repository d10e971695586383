// examples/guides/data/pca.ts
import { pca } from '@tapegrad/data';
import { loadMnist } from '@tapegrad/data/node';

const { train } = loadMnist({ seed: 0 });
const reduce = pca({ components: 50 }).fit(train.x);
const zTrain = reduce.transform(train.x);
const kept = reduce.explainedVarianceRatio.sum().item();
console.log(`zTrain ${JSON.stringify(zTrain.shape)}; ${kept.toFixed(2)} of the variance kept`);
