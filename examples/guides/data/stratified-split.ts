// examples/guides/data/stratified-split.ts
import { stratifiedSplit, take } from '@tapegrad/data';
import { loadIris } from '@tapegrad/data/node';

const iris = loadIris();
const [fitRows, holdRows] = stratifiedSplit(iris.y, [0.9, 0.1], { seed: 0 });
const fitPart = take(iris, fitRows);
const holdPart = take(iris, holdRows);
console.log(`fit ${JSON.stringify(fitPart.x.shape)}, held out ${JSON.stringify(holdPart.x.shape)}`);
