// examples/guides/modules/state-dict.ts
import { BatchNorm1d, Linear, ReLU, Sequential } from '@tapegrad/nn';
import { manualSeed, noGrad } from '@tapegrad/tensor';

manualSeed(0);
const model = new Sequential(new Linear(4, 8), new BatchNorm1d(8), new ReLU(), new Linear(8, 2));
const dict = model.stateDict();
console.log(Object.entries(dict).map(([name, t]) => `${name} [${t.shape}]`).join('\n'));

// A snapshot: later changes to the model do not reach it, and editing it does not touch the model.
const before = dict['0.bias'].data()[0];
noGrad(() => model.getParameter('0.bias').fill_(1)); // as an optimizer step would
console.log(`snapshot unchanged after the model changed: ${dict['0.bias'].data()[0] === before}`);
model.loadStateDict(dict); // copies the values back in place: the Parameter objects stay the same
console.log(`restored: ${model.getParameter('0.bias').data()[0] === before}`);

// Everything is checked before anything changes; every problem is listed in one error.
const wrong = new Sequential(new Linear(4, 8), new BatchNorm1d(8), new ReLU(), new Linear(8, 3)).stateDict(); // 3 outputs, not 2
try {
  model.loadStateDict(wrong);
} catch (error) {
  console.log((error as Error).message);
}
// strict: false skips keys only one side has, and says which.
const { missingKeys, unexpectedKeys } = model.loadStateDict({ '3.weight': dict['3.weight'], extra: dict['3.bias'] }, { strict: false });
console.log(`missing: ${missingKeys.join(', ')}\nunexpected: ${unexpectedKeys.join(', ')}`);
