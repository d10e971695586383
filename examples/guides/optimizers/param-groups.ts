// examples/guides/optimizers/param-groups.ts
import { Linear, Sequential, ReLU } from '@tapegrad/nn';
import { SGD } from '@tapegrad/optim';
import { manualSeed } from '@tapegrad/tensor';

manualSeed(0);
const backbone = new Sequential(new Linear(8, 16), new ReLU());
const head = new Linear(16, 2);
const extra = new Linear(2, 2);

// Each group may set its own options; the rest come from the second argument.
const opt = new SGD(
  [{ params: backbone.parameters() }, { params: head.parameters(), lr: 0.1 }],
  { lr: 0.01, momentum: 0.9 },
);
opt.paramGroups[1].lr = 0.05; // takes effect on the next step
opt.addParamGroup({ params: extra.parameters(), weightDecay: 1e-4 });
for (const [i, group] of opt.paramGroups.entries()) {
  console.log(`group ${i}: ${group.params.length} tensors, lr ${group.lr}, momentum ${group.momentum}, weightDecay ${group.weightDecay}`);
}
