// examples/guides/optimizers/state-dict.ts
import { Adam } from '@tapegrad/optim';
import { tensor, type Tensor } from '@tapegrad/tensor';

const start = (): Tensor[] => [tensor([1, -2], { requiresGrad: true }), tensor([[0.5]], { requiresGrad: true })];
const loss = ([a, b]: Tensor[]): Tensor => a.pow(2).sum().add(b.sub(2).pow(2).sum());
function step(opt: Adam, params: Tensor[]): void {
  opt.zeroGrad();
  loss(params).backward();
  opt.step();
}

const params = start();
const opt = new Adam(params, { lr: 0.1 });
for (let i = 0; i < 3; i++) step(opt, params);

// PyTorch's layout, with copies of every tensor: each parameter's state under its index, then the groups.
const dict = opt.stateDict();
for (const [index, entry] of Object.entries(dict.state)) console.log(`state['${index}']: ${JSON.stringify(entry)}`);
console.log(`paramGroups: ${JSON.stringify(dict.paramGroups)}`);

// JSON.stringify writes every tensor as nested arrays (its toJSON), and loadStateDict accepts them back.
const json = JSON.stringify(dict);

// Resume from the JSON into a fresh optimizer over a copy of the parameters: the same steps, bit for bit.
const copies = params.map((p) => p.detach().clone().requiresGrad_());
const fresh = new Adam(copies, { lr: 0.1 });
fresh.loadStateDict(JSON.parse(json));
for (let i = 0; i < 3; i++) {
  step(opt, params);
  step(fresh, copies);
}
console.log(`after 3 more steps each, identical: ${params.every((p, i) => p.eq(copies[i]).sum().item() === p.size)}`);
