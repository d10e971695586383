/**
 * Child process for atomic-save-kill.test.ts: saves a large checkpoint over and over to the
 * same path, every element of version k equal to k, telling the parent before and after each
 * save, until the parent kills it.
 *
 * Usage (forked by the test): node --import tsx save-in-a-loop.child.ts PATH ELEMENTS FIRST_VERSION
 */
import { scalar, tensor } from '@tapegrad/tensor';
import { save } from '../src/node/index.js';

const [path, elements, firstVersion] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const values = new Float64Array(elements);
let version = firstVersion;
const model = {
  stateDict: () => ({ big: tensor(values), version: scalar(version, { dtype: 'int32' }) }),
  loadStateDict: () => undefined,
};

for (; ; version++) {
  values.fill(version);
  process.send!({ saving: version });
  await save(model, path);
  process.send!({ saved: version });
}
