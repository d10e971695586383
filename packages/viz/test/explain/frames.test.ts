import { describe, expect, it } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { backwardFrameCaptions, backwardFrames, explainBackward, renderBackwardFrames, toDot } from '@tapegrad/viz';
import { courseCircuit } from '../course-circuit.js';
import { xmlProblem } from '../plot/well-formed.js';

/** Per tensor box of a frame: whether it is highlighted and the gradient written on it. */
function boxes(dot: string): Map<string, { highlighted: boolean; grad: string | null }> {
  const found = new Map<string, { highlighted: boolean; grad: string | null }>();
  for (const line of dot.split('\n')) {
    const name = /<TABLE .*?<B>(.*?)<\/B>/.exec(line)?.[1];
    if (name === undefined) continue;
    found.set(name, { highlighted: line.includes('class="highlighted"'), grad: /grad (.*?)<\/TD>/.exec(line)?.[1] ?? null });
  }
  return found;
}

const highlighted = (dot: string) => [...boxes(dot)].filter(([, box]) => box.highlighted).map(([name]) => name);
const grads = (dot: string) => Object.fromEntries([...boxes(dot)].map(([name, box]) => [name, box.grad]));

describe('backwardFrames', () => {
  it('draws the seed and then one frame per step, highlighting the node each step works on', () => {
    const { f } = courseCircuit();
    const explanation = explainBackward(f);
    const frames = backwardFrames(explanation);
    expect(frames).toHaveLength(explanation.steps.length + 1);
    expect(frames.map(highlighted)).toEqual([['f'], ['f'], ['q']]);
  });

  it('writes the gradients known so far on the tensors: the seed, then after mul, then after add', () => {
    const frames = backwardFrames(explainBackward(courseCircuit().f));
    // `?`: the drawing's mark for a gradient not known yet.
    expect(grads(frames[0])).toEqual({ x: '?', y: '?', q: '?', z: '?', f: '1' });
    expect(grads(frames[1])).toEqual({ x: '?', y: '?', q: '-4', z: '3', f: '1' });
    expect(grads(frames[2])).toEqual({ x: '-4', y: '-4', q: '-4', z: '3', f: '1' });
  });

  it("is toDot's drawing with the step's highlight and partial gradients, plus a caption", () => {
    const { f, q } = courseCircuit();
    const explanation = explainBackward(f);
    const plain = backwardFrames(explanation, { caption: false, rankdir: 'TB' });
    expect(plain[2]).toBe(toDot(f, { rankdir: 'TB', highlight: [q], grads: explanation.gradsAfter(2) }));
    const captioned = backwardFrames(explanation, { rankdir: 'TB' });
    expect(captioned[0]).toContain('label="seed: ∂f/∂f = 1";');
    expect(captioned[2]).toContain('rankdir=TB');
    expect(backwardFrames(explanation)).toEqual(backwardFrames(explainBackward(courseCircuit().f)));
  });

  it('captions the seed, then each step with its rule, what it sends, and any sum at a fork', () => {
    expect(backwardFrameCaptions(explainBackward(courseCircuit().f))).toEqual([
      'seed: ∂f/∂f = 1',
      'step 1 of 2: mul → f, upstream 1\nmul swaps: each input gets the upstream times the other input\nsends q ← -4, z ← 3',
      'step 2 of 2: add → q, upstream -4\nadd distributes: each input gets the upstream gradient\nsends x ← -4, y ← -4',
    ]);
    const x = tensor(3, { requiresGrad: true, label: 'x' });
    const captions = backwardFrameCaptions(explainBackward(x.mul(x).add(x)));
    expect(captions[2].split('\n').slice(-2)).toEqual(['fork at x: 1 + 3 = 4', 'fork at x: 4 + 3 = 7']);
  });

  it('renders every frame to SVG with its caption', async () => {
    const svgs = await renderBackwardFrames(explainBackward(courseCircuit().f));
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) expect(svg).toContain('<svg');
    expect(svgs[0]).toContain('seed: ∂f/∂f = 1');
    expect(svgs[2]).toContain('step 2 of 2: add → q, upstream &#45;4'); // Graphviz writes - as &#45;
  });

  it('keeps a caption well-formed when a label holds a character XML forbids', async () => {
    // A label pasted from a terminal may carry an escape code; the caption repeats the label,
    // and Graphviz copies a plain label into its SVG without replacing such characters.
    const x = tensor(2, { requiresGrad: true, label: 'x\u001b[0m' });
    const svgs = await renderBackwardFrames(explainBackward(x.mul(x)));
    // The checker reads elements only: Graphviz's prolog, doctype and comments (node ids) are cut.
    const elements = (svg: string) => svg.slice(svg.indexOf('<svg')).replace(/<!--[^]*?-->/g, '');
    for (const svg of svgs) expect(xmlProblem(elements(svg))).toBeNull();
    expect(svgs[1]).toContain('x\uFFFD[0m');
  });
});
