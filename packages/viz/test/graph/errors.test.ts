import { add, mul, tensor } from '@tapegrad/tensor';
import { describe, expect, it } from 'vitest';
import { renderSvg, toDot, toMermaid, type DotOptions } from '../../src/index.js';
import { courseCircuit } from '../course-circuit.js';

describe('graph drawing errors', () => {
  it('say the graph was freed by backward, through which op, and how to keep it', async () => {
    const { f } = courseCircuit();
    f.backward();
    const message =
      'the graph of [] float64 (f): the part through mul (output [] float64 (f)) was freed by backward. ' +
      'Draw it before calling backward, or keep the graph with y.backward({ retainGraph: true }).';
    expect(() => toDot(f)).toThrow(`toDot: cannot draw ${message}`);
    expect(() => toMermaid(f)).toThrow(`toMermaid: cannot draw ${message}`);
    await expect(renderSvg(f)).rejects.toThrow(`renderSvg: cannot draw ${message}`);
  });

  it('name the op deeper in the graph when only that part was freed', () => {
    const x = tensor(2, { requiresGrad: true, label: 'x' });
    const h = mul(x, x);
    h.label = 'h';
    h.backward(); // frees the mul
    expect(() => toDot(add(h, 1))).toThrow(/^toDot: cannot draw the graph of \[\] float64: the part through mul \(output \[\] float64 \(h\)\) was freed/);
  });

  it('reject an argument that is not a Tensor', async () => {
    expect(() => toDot([1, 2] as never)).toThrow('toDot: expected a Tensor (the output whose graph to draw), got an Array');
    expect(() => toMermaid(undefined as never)).toThrow('toMermaid: expected a Tensor (the output whose graph to draw), got undefined');
    await expect(renderSvg(3 as never)).rejects.toThrow('renderSvg: expected a Tensor (the output whose graph to draw), got the number 3');
  });

  it('reject bad options, naming the option and the value', () => {
    const x = tensor(1, { requiresGrad: true });
    const bad = (options: unknown) => () => toDot(x, options as DotOptions);
    expect(bad({ maxValues: -1 })).toThrow('toDot: maxValues must be a whole number >= 0, got -1');
    expect(bad({ maxValues: 2.5 })).toThrow('toDot: maxValues must be a whole number >= 0, got 2.5');
    expect(bad({ collapse: 'yes' })).toThrow(`toDot: collapse must be true, false or 'auto', got "yes"`);
    expect(bad({ rankdir: 'RL' })).toThrow(`toDot: rankdir must be 'LR' or 'TB', got "RL"`);
  });

  it('reject highlight, grads and known of the wrong kind, saying what to pass', () => {
    const x = tensor([1, 2], { requiresGrad: true, label: 'x' });
    const bad = (options: unknown) => () => toDot(mul(x, 2), options as DotOptions);
    expect(bad({ highlight: x })).toThrow('toDot: highlight must be an array of Tensors, got a Tensor; write highlight: [x] even for one tensor');
    expect(bad({ highlight: [x, 3] })).toThrow('toDot: highlight must be an array of Tensors, got an array holding the number 3');
    expect(bad({ known: [x] })).toThrow('toDot: known must be a Set of the tensors whose values to show, got an Array; wrap it: new Set([x, y])');
    expect(bad({ grads: { x: 1 } })).toThrow('toDot: grads must be a Map from each tensor to its gradient (or null), got an Object');
    expect(bad({ grads: new Map([[x, 1]]) })).toThrow('toDot: grads must map Tensors to Tensors (or null), got an entry a Tensor → the number 1');
    expect(bad({ grads: new Map([[x, tensor([1, 2, 3])]]) })).toThrow(
      'toDot: grads gives [2] float64 (x) a gradient of shape [3]; a gradient has its tensor\'s shape',
    );
  });
});
