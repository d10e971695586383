import { mul, tensor } from '@tapegrad/tensor';
import { describe, expect, it } from 'vitest';
import { toDot } from '../../src/index.js';
import { courseCircuit } from '../course-circuit.js';
import { nodeNamed, parseDot } from './parse-dot.js';

const HIGHLIGHT_FILL = '#fde68a';

describe('toDot options for stepping through a pass', () => {
  it('highlights the given tensors and the op nodes that produced them, nothing else', () => {
    const { x, q, f } = courseCircuit();
    const dot = parseDot(toDot(f, { highlight: [q, x] }));
    const highlighted = [...dot.nodes.values()].filter((node) => node.statement.includes(HIGHLIGHT_FILL));
    expect(highlighted.map((node) => node.text.split('\n')[0])).toEqual(['x', 'add', 'q']);
    expect(nodeNamed(dot, 'mul').statement).toContain('penwidth=1');
    expect(nodeNamed(dot, 'add').statement).toContain('penwidth=2');
    expect(nodeNamed(dot, 'q').statement).toContain('BORDER="2"');
  });

  it('gives exactly the highlighted nodes class="highlighted", for pages to find them by', () => {
    const { x, q, f } = courseCircuit();
    const dot = parseDot(toDot(f, { highlight: [q, x] }));
    const classed = [...dot.nodes.values()].filter((node) => node.statement.includes('class="highlighted"'));
    expect(classed.map((node) => node.id)).toEqual(['t0', 'op2', 't2']);
    expect(parseDot(toDot(f)).nodes.size).toBe(7);
    expect(toDot(f)).not.toContain('class=');
  });

  it('draws the gradients in `grads` instead of .grad, and ? for tensors that have none there yet', () => {
    const { x, y, z, q, f } = courseCircuit();
    f.backward({ retainGraph: true }); // fills x, y, z .grad: the override must hide them
    const upstream = new Map([
      [f, tensor(1)],
      [q, tensor(-4)],
      [z, tensor(3)],
      [y, null],
    ]);
    const dot = parseDot(toDot(f, { grads: upstream }));
    expect(nodeNamed(dot, 'f').text).toBe('f\ndata -12\ngrad 1');
    expect(nodeNamed(dot, 'q').text).toBe('q\ndata 3\ngrad -4');
    expect(nodeNamed(dot, 'z').text).toBe('z\ndata -4\ngrad 3');
    expect(nodeNamed(dot, 'y').text).toBe('y\ndata 5\ngrad ?');
    expect(nodeNamed(dot, 'x').text).toBe('x\ndata -2\ngrad ?');
    expect(x.grad?.item()).toBe(-4);
  });

  it('leaves constants without a gradient row when `grads` is given', () => {
    const x = tensor(3, { requiresGrad: true, label: 'x' });
    const out = mul(x, 2);
    const dot = parseDot(toDot(out, { grads: new Map([[out, tensor(1)]]) }));
    expect([...dot.nodes.values()].map((node) => node.text)).toEqual(['x\ndata 3\ngrad ?', '%1\ndata 2', 'mul', '%2\ndata 6\ngrad 1']);
  });

  it('shows ? for the values of tensors not yet known', () => {
    const { x, y, z, q, f } = courseCircuit();
    const dot = parseDot(toDot(f, { known: new Set([x, y, z, q]) }));
    expect(nodeNamed(dot, 'q').text).toBe('q\ndata 3');
    expect(nodeNamed(dot, 'f').text).toBe('f\ndata ?');
    const nothingKnown = parseDot(toDot(f, { known: new Set() }));
    expect(['x', 'y', 'z', 'q', 'f'].map((name) => nodeNamed(nothingKnown, name).text.split('\n')[1])).toEqual(Array(5).fill('data ?'));
  });
});
