import { add, astype, mul, noGrad, sum, tape, tensor } from '@tapegrad/tensor';
import { describe, expect, it } from 'vitest';
import { explainBackward, toDot } from '../../src/index.js';
import { courseCircuit } from '../course-circuit.js';
import { nodeNamed, parseDot, predecessors, successors } from './parse-dot.js';

describe('toDot on the course circuit f = (x + y)·z', () => {
  const circuit = () => {
    const c = courseCircuit();
    c.q.retainGrad();
    c.f.retainGrad();
    c.f.backward({ retainGraph: true });
    return { ...c, dot: parseDot(toDot(c.f)) };
  };

  it("shows each tensor's value and gradient as in the notes", () => {
    const { dot } = circuit();
    expect(nodeNamed(dot, 'x').text).toBe('x\ndata -2\ngrad -4');
    expect(nodeNamed(dot, 'y').text).toBe('y\ndata 5\ngrad -4');
    expect(nodeNamed(dot, 'z').text).toBe('z\ndata -4\ngrad 3');
    expect(nodeNamed(dot, 'q').text).toBe('q\ndata 3\ngrad -4');
    expect(nodeNamed(dot, 'f').text).toBe('f\ndata -12\ngrad 1');
  });

  it('puts an add node between x, y and q, and a mul node between q, z and f', () => {
    const { dot } = circuit();
    const id = (name: string) => nodeNamed(dot, name).id;
    expect(predecessors(dot, id('add'))).toEqual([id('x'), id('y')]);
    expect(successors(dot, id('add'))).toEqual([id('q')]);
    expect(predecessors(dot, id('mul'))).toEqual([id('q'), id('z')]);
    expect(successors(dot, id('mul'))).toEqual([id('f')]);
    expect(successors(dot, id('f'))).toEqual([]);
    expect(dot.edges).toHaveLength(6);
    expect(dot.nodes.size).toBe(7);
  });

  it('numbers nodes by tape order, so the same graph gives the same bytes', () => {
    const first = toDot(courseCircuit().f);
    const second = toDot(courseCircuit().f);
    expect(second).toBe(first);
    expect([...parseDot(first).nodes.keys()]).toEqual(['t0', 't1', 'op2', 't2', 't3', 'op4', 't4']);
  });

  it('draws parameters blue and results white, and lays out left to right unless told', () => {
    const { f } = courseCircuit();
    const dot = parseDot(toDot(f));
    expect(toDot(f)).toContain('rankdir=LR');
    expect(toDot(f, { rankdir: 'TB' })).toContain('rankdir=TB');
    expect(toDot(f).match(/BGCOLOR="#dbeafe"/g)).toHaveLength(3); // x, y, z
    expect(nodeNamed(dot, 'f').id).toBe('t4');
    expect(toDot(f)).toMatch(/t4 \[.*BGCOLOR="#ffffff"/);
  });

  it('leaves out values with showData: false and gradients with showGrad: false', () => {
    const { f } = circuit();
    expect(nodeNamed(parseDot(toDot(f, { showData: false })), 'q').text).toBe('q []\ngrad -4');
    expect(nodeNamed(parseDot(toDot(f, { showGrad: false })), 'q').text).toBe('q\ndata 3');
  });

  it('shows no gradient row before backward', () => {
    const { f } = courseCircuit();
    expect(nodeNamed(parseDot(toDot(f)), 'x').text).toBe('x\ndata -2');
  });
});

describe('toDot on other graphs', () => {
  it('draws a value used twice as one node with two out-edges (a fork)', () => {
    const x = tensor(3, { requiresGrad: true, label: 'x' });
    const y = tensor(2, { requiresGrad: true, label: 'y' });
    const out = add(mul(x, y), x);
    const dot = parseDot(toDot(out));
    const xId = nodeNamed(dot, 'x').id;
    expect(successors(dot, xId).map((id) => dot.nodes.get(id)!.text)).toEqual(['mul', 'add']);
  });

  it('draws x·x as one x node with two edges into the mul', () => {
    const x = tensor(3, { requiresGrad: true, label: 'x' });
    const dot = parseDot(toDot(mul(x, x)));
    expect(successors(dot, nodeNamed(dot, 'x').id)).toEqual(['op1', 'op1']);
  });

  it('shows shapes, broadcast values, dtypes other than float64, and attributes', () => {
    const a = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true, label: 'a' });
    const b = tensor([10, 20, 30], { label: 'b' });
    const s = sum(add(a, b), 1);
    s.label = 's';
    const dot = parseDot(toDot(s));
    expect(nodeNamed(dot, 'a').text).toBe('a [2,3]\ndata [[1, 2, 3], [4, 5, 6]]');
    expect(nodeNamed(dot, 'b').text).toBe('b [3]\ndata [10, 20, 30]');
    expect(nodeNamed(dot, '%2').text).toBe('%2 [2,3]\ndata [[11, 22, 33], [14, 25, 36]]');
    expect(nodeNamed(dot, 'sum').text).toBe('sum\naxes=[1]');
    expect(nodeNamed(dot, 's').text).toBe('s [2]\ndata [66, 75]');
    const single = parseDot(toDot(astype(tensor([1.5, 2.25], { requiresGrad: true }), 'float32'), { collapse: false }));
    expect(single.nodes.get('t1')!.text).toBe('%1 [2] float32\ndata [1.5, 2.25]');
  });

  it('draws constants dashed and grey, apart from parameters', () => {
    const x = tensor(3, { requiresGrad: true, label: 'x' });
    const dot = parseDot(toDot(mul(x, 2)));
    expect(dot.nodes.get('t1')!.text).toBe('%1\ndata 2');
    expect(dot.nodes.get('t1')!.statement).toContain('#4b5563');
    expect(toDot(mul(x, 2))).toMatch(/t1 \[.*STYLE="dashed"/);
    expect(toDot(mul(x, 2))).not.toMatch(/t0 \[.*STYLE="dashed"/);
  });

  it('draws a leaf with no graph as a single node', () => {
    const w = tensor([1, 2], { requiresGrad: true, label: 'w' });
    const dot = parseDot(toDot(w));
    expect([...dot.nodes.values()].map((node) => node.text)).toEqual(['w [2]\ndata [1, 2]']);
    expect(dot.edges).toEqual([]);
  });

  it('shows the shape of a gradient too large to print', () => {
    const w = tensor([1, 2, 3, 4], { requiresGrad: true, label: 'w' });
    const loss = sum(mul(w, w));
    loss.backward({ retainGraph: true });
    expect(nodeNamed(parseDot(toDot(loss, { maxValues: 3, collapse: false })), 'w').text).toBe('w [4]\ngrad [4]');
  });

  it('escapes labels so that markup in them stays text', () => {
    const x = tensor(1, { requiresGrad: true, label: 'a<b> & "c"' });
    const text = toDot(mul(x, 2));
    expect(text).toContain('<B>a&lt;b&gt; &amp; &quot;c&quot;</B>');
    expect(parseDot(text).nodes.get('t0')!.text).toBe('a<b> & "c"\ndata 1');
    const multiline = tensor(1, { requiresGrad: true, label: 'first\nsecond' });
    expect(parseDot(toDot(multiline)).nodes.get('t0')!.text).toBe('first\nsecond\ndata 1');
    // XML forbids control characters even escaped, and Graphviz would copy them into its SVG.
    const coloured = tensor(1, { requiresGrad: true, label: '\u001b[31mred' });
    expect(parseDot(toDot(coloured)).nodes.get('t0')!.text).toBe('\uFFFD[31mred\ndata 1');
  });

  it('says when a value was changed in place after the graph used it (an optimizer step)', () => {
    const w = tensor([1, 2], { requiresGrad: true, label: 'w' });
    const loss = sum(mul(w, tensor([3, 4])));
    loss.backward({ retainGraph: true });
    noGrad(() => w.sub_(w.grad!.mul(0.1)));
    const dot = parseDot(toDot(loss));
    expect(nodeNamed(dot, 'w').text).toBe('w [2]\ndata [0.7, 1.6] (changed in place since)\ngrad [3, 4]');
    expect(dot.nodes.get('t3')!.text).toBe('%3\ndata 11'); // computed from the old w
  });

  it('names a tensor with an empty label %n, as tape(y) lists it, here and in the walk-through', () => {
    const x = tensor(2, { requiresGrad: true, label: '' });
    const y = mul(x, 3);
    expect(parseDot(toDot(y)).nodes.get('t0')!.text).toBe('%0\ndata 2');
    expect(explainBackward(y).nameOf(x)).toBe('%0');
    expect(tape(y).toString()).toContain('%0 = leaf  []');
  });

  it('formats values compactly, with -0, nan and inf', () => {
    const x = tensor([1 / 3, -0, NaN, Infinity, -Infinity, 1234567], { label: 'x' });
    expect(nodeNamed(parseDot(toDot(x)), 'x').text).toBe('x [6]\ndata [0.3333, -0, nan, inf, -inf, 1.235e6]');
  });
});
