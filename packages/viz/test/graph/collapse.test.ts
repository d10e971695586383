import { add, linear, mean, mul, randn, relu, manualSeed, softmaxCrossEntropy, tensor, type Tensor } from '@tapegrad/tensor';
import { describe, expect, it } from 'vitest';
import { toDot } from '../../src/index.js';
import { parseDot } from './parse-dot.js';

/** The mean cross-entropy of a 2-layer MLP on a batch of 16 examples with 3 features and 4 classes. */
function mlpLoss(): Tensor {
  manualSeed(0);
  const x = randn([16, 3]);
  x.label = 'x';
  const w1 = randn([8, 3]).requiresGrad_();
  w1.label = 'W1';
  const b1 = randn([8]).requiresGrad_();
  b1.label = 'b1';
  const w2 = randn([4, 8]).requiresGrad_();
  w2.label = 'W2';
  const labels = tensor([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3], { dtype: 'int32' });
  const hidden = relu(linear(x, w1, b1));
  hidden.label = 'h';
  const loss = mean(softmaxCrossEntropy(linear(hidden, w2), labels));
  loss.label = 'loss';
  return loss;
}

describe('collapsed drawings', () => {
  it('draw an MLP on a batch as one node per op, with shapes and no values', () => {
    const loss = mlpLoss();
    loss.backward({ retainGraph: true });
    const dot = parseDot(toDot(loss));
    const texts = [...dot.nodes.values()].map((node) => node.text.replace(/\n/g, ' | '));
    expect(texts).toEqual([
      'x [16,3]',
      'W1 [8,3]',
      'matmul | transB=true | [16,8]',
      'b1 [8]',
      'add | [16,8]',
      'relu | h [16,8]',
      'W2 [4,8]',
      'matmul | transB=true | [16,4]',
      '%8 [16] int32',
      'softmaxCrossEntropy | [16]',
      'sum | axes=[0] | []',
      '%11 | data 16',
      'div | loss []',
    ]);
    // Edges into ops whose inputs play different parts carry the input's name.
    expect(dot.edges.map((edge) => `${edge.from}->${edge.to}${edge.role === null ? '' : ` ${edge.role}`}`)).toEqual([
      't0->op2 A', 't1->op2 B', 'op2->op4', 't3->op4', 'op4->op5', 'op5->op7 A', 't6->op7 B',
      'op7->op9 logits', 't8->op9 labels', 'op9->op10', 'op10->op12 a', 't11->op12 b',
    ]);
    // Only the count the mean divides by shows a value; no gradients, though backward ran.
    expect(texts.filter((text) => /data|grad/.test(text))).toEqual(['%11 | data 16']);
  });

  it("collapse 'auto' keeps small graphs in full and collapse: false forces them", () => {
    const x = tensor([1, 2, 3, 4, 5, 6, 7], { requiresGrad: true, label: 'x' });
    expect(parseDot(toDot(mul(x, 2), { collapse: false })).nodes.get('t0')!.text).toBe('x [7]');
    expect(parseDot(toDot(mul(x, 2))).nodes.size).toBe(3); // x, the constant 2, mul: no node for the output
    expect(parseDot(toDot(mul(x, 2), { maxValues: 7 })).nodes.size).toBe(4);
  });

  it("collapse 'auto' folds a graph of more than 40 scalar tensors, and shows a one-element constant's value", () => {
    const x = tensor(1, { requiresGrad: true, label: 'x' });
    let chain = x;
    for (let i = 0; i < 20; i++) chain = add(chain, 1); // 1 leaf + 20 × (constant, sum) = 41 tensors
    expect(parseDot(toDot(chain)).nodes.size).toBe(41);
    let shorter = x;
    for (let i = 0; i < 19; i++) shorter = add(shorter, 1); // 39 tensors: drawn in full
    expect(parseDot(toDot(shorter)).nodes.size).toBe(39 + 19);
    expect(parseDot(toDot(chain)).nodes.get('t1')!.text).toBe('%1\ndata 1');
  });

  it('highlights op nodes of highlighted tensors', () => {
    const loss = mlpLoss();
    const text = toDot(loss, { highlight: [loss] });
    expect(parseDot(text).nodes.get('op12')!.statement).toContain('#fde68a');
    expect(text.match(/#fde68a/g)).toHaveLength(1);
    expect(text.match(/class="highlighted"/g)).toHaveLength(1);
    expect(parseDot(text).nodes.get('op12')!.statement).toContain('class="highlighted"');
  });

  it('is collapsed for a mean too: the count is a one-element constant', () => {
    const w = randn([3, 4]).requiresGrad_();
    const text = parseDot(toDot(mean(w)));
    expect([...text.nodes.values()].map((node) => node.text.replace(/\n/g, ' | '))).toEqual([
      '%0 [3,4]',
      'sum | axes=[0,1] | []',
      '%2 | data 12',
      'div | []',
    ]);
  });
});
