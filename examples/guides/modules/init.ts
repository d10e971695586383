// examples/guides/modules/init.ts
import { init, Linear, ReLU, Sequential } from '@tapegrad/nn';
import { manualSeed } from '@tapegrad/tensor';

manualSeed(0);
const fc = new Linear(784, 256);
// PyTorch's default: U(−1/√fanIn, 1/√fanIn) for the weight and the bias.
console.log(`default: |w| ≤ ${fc.weight.abs().max().item().toFixed(4)} (1/√784 = ${(1 / Math.sqrt(784)).toFixed(4)})`);

init.kaimingNormal_(fc.weight, { mode: 'fanIn', nonlinearity: 'relu' }); // N(0, 2/fanIn), for ReLU layers
init.zeros_(fc.bias!);
console.log(`kaimingNormal_: std ${fc.weight.std().item().toFixed(4)} (√2/√784 = ${(Math.sqrt(2) / Math.sqrt(784)).toFixed(4)}), bias ${fc.bias!.abs().max().item()}`);

// Re-initialise every Linear of a model: apply() visits every submodule.
const model = new Sequential(new Linear(20, 64), new ReLU(), new Linear(64, 3));
model.apply((m) => {
  if (m instanceof Linear) init.xavierUniform_(m.weight, { gain: init.calculateGain('tanh') });
});
const first = model.getParameter('0.weight');
console.log(`xavierUniform_ with gain 5/3: |w| ≤ ${first.abs().max().item().toFixed(4)} (bound ${((5 / 3) * Math.sqrt(6 / (20 + 64))).toFixed(4)})`);
console.log(`calculateGain: relu ${init.calculateGain('relu').toFixed(4)}, tanh ${init.calculateGain('tanh').toFixed(4)}, leakyRelu(0.2) ${init.calculateGain('leakyRelu', 0.2).toFixed(4)}`);
