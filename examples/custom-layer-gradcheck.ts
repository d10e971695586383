/**
 * Writing a new layer and trusting it: a gated linear unit (GLU, Dauphin et al. 2017) whose op is
 * defined with `defineOp`, checked with one `gradcheck` call, a deliberately broken backward
 * caught with a readable report, and then the layer trained on the course's spirals.
 *   npx tsx examples/custom-layer-gradcheck.ts [--steps 300]
 */
import { defineOp, manualSeed, randn, type Tensor } from '@tapegrad/tensor';
import { assertGradcheck, gradcheck } from '@tapegrad/gradcheck';
import { Linear, Module } from '@tapegrad/nn';
import { softmaxCrossEntropy } from '@tapegrad/losses';
import { Adam } from '@tapegrad/optim';
import { spiral } from '@tapegrad/data';
import { wholeNumberFlag } from './example-flags.js';

const steps = wholeNumberFlag('steps', 300);

/**
 * glu(a, b) = a · σ(b). Its partial derivatives are σ(b) for a, and a · σ(b) · (1 − σ(b)) for b —
 * the chain rule through the sigmoid gate. Written with Tensor ops so it can be differentiated again.
 */
function defineGlu(name: string, gateDerivative: (a: Tensor, gate: Tensor) => Tensor) {
  return defineOp({
    name,
    forward: ([a, b]) => {
      const out = new Float64Array(a.buffer.length);
      for (let i = 0; i < out.length; i++) out[i] = a.buffer[i] / (1 + Math.exp(-b.buffer[i]));
      return { buffer: out, shape: a.shape };
    },
    backward: (g, [a, b]) => {
      const gate = b.sigmoid();
      return [g.mul(gate), g.mul(gateDerivative(a, gate))];
    },
    sample: (fc) => fc.constant({ inputs: [randn([3, 4]), randn([3, 4])], attrs: undefined }),
  });
}

const glu = defineGlu('example_glu', (a, gate) => a.mul(gate).mul(gate.neg().add(1)));
// The slip: the sigmoid's own derivative σ(1 − σ) is forgotten, leaving only a.
const brokenGlu = defineGlu('example_glu_broken', (a) => a);

/** A GLU layer: two linear maps of the same input, one of them gating the other. */
class GatedLinear extends Module {
  value: Linear;
  gate: Linear;
  constructor(inFeatures: number, outFeatures: number) {
    super();
    this.value = new Linear(inFeatures, outFeatures);
    this.gate = new Linear(inFeatures, outFeatures);
  }
  override forward(x: Tensor): Tensor {
    return glu.apply([this.value.forward(x), this.gate.forward(x)]);
  }
}

manualSeed(0);
const a = randn([4, 5], { label: 'a' });
const b = randn([4, 5], { label: 'b' });

// 1. The op alone: analytic against centered differences, for both inputs.
console.log('glu:', String(assertGradcheck((a, b) => glu.apply([a, b]), [a, b])));

// 2. The broken backward: the report names the input, the worst entry and both values.
const broken = gradcheck((a, b) => brokenGlu.apply([a, b]), [a, b]);
console.log(`\nbroken glu: ok = ${broken.ok}\n${String(broken)}`);

// 3. The layer, with respect to its input (its parameters are checked the same way in the nn tests).
const layer = new GatedLinear(2, 3);
console.log('\nGatedLinear:', String(assertGradcheck((x) => layer.forward(x), [randn([5, 2])])));

// 4. Training a classifier built on it: GLU(2→64) → Linear(64→3) on three spirals.
class SpiralNet extends Module {
  hidden = new GatedLinear(2, 64);
  out = new Linear(64, 3);
  override forward(x: Tensor): Tensor {
    return this.out.forward(this.hidden.forward(x));
  }
}
const { x, y } = spiral({ pointsPerClass: 100, classes: 3, seed: 0 });
const model = new SpiralNet();
const optimizer = new Adam(model.parameters(), { lr: 0.02 });
let loss = softmaxCrossEntropy(model.forward(x), y);
console.log(`\ntraining GatedLinear(2→64) → Linear(64→3) on 300 spiral points with Adam(lr 0.02)`);
for (let step = 0; step <= steps; step++) {
  optimizer.zeroGrad();
  loss = softmaxCrossEntropy(model.forward(x), y);
  loss.backward();
  optimizer.step();
  if (step % Math.max(1, Math.floor(steps / 5)) === 0) console.log(`step ${step}: loss ${loss.item().toFixed(4)}`);
}
const accuracy = model.forward(x).argmax(1).eq(y).sum().item() / y.size;
console.log(`training accuracy ${(100 * accuracy).toFixed(1)} %`);
console.log(`reproduce: npx tsx examples/custom-layer-gradcheck.ts --steps ${steps}`);
