// examples/guides/data/loading.ts
import { loadIris, loadMnist } from '@tapegrad/data/node';

// loadMnist({ seed = 0, dtype }) → { train, val, test }
const { train, val, test } = loadMnist({ seed: 0, dtype: 'float32' });
const shapes = [train, val, test].map((part) => JSON.stringify(part.x.shape)).join(' ');
console.log(`MNIST ${shapes}, grey values in [${train.x.min().item()}, ${train.x.max().item()}]`);
// (reshape x to [N, 1, 28, 28] for a CNN)

// loadIris({ dtype }) → { x: [150, 4], y: int32 [150], classNames, featureNames }
const iris = loadIris();
console.log(`Iris ${JSON.stringify(iris.x.shape)}, y ${JSON.stringify(iris.y.shape)} ${iris.y.dtype}`);
console.log(JSON.stringify(iris.classNames));   // 50 rows each, in class order
console.log(JSON.stringify(iris.featureNames));
