/**
 * The walk-through's frames in Node: the order of steps, the panel's numbers for the course's
 * circuit, and the moves the stepper allows.
 */
import { formatValues } from '@tapegrad/viz';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/expression/compile.js';
import { PRESETS } from '../src/presets.js';
import { buildWalkthrough } from '../src/walkthrough/frames.js';
import { Stepper } from '../src/walkthrough/stepper.js';

function walkthroughOf(expression: string, values: string) {
  const result = compile(expression, values);
  if (!result.ok) throw new Error(result.pointer);
  return buildWalkthrough(result.output);
}

describe('the circuit f = (x + y) z', () => {
  const circuit = PRESETS.find((preset) => preset.id === 'circuit')!;
  const walkthrough = walkthroughOf(circuit.expression, circuit.values);

  it('has the inputs, two forward frames, the seed and two backward frames', () => {
    expect(walkthrough.frames.map((frame) => `${frame.phase} ${frame.step}`)).toEqual(['inputs 0', 'forward 1', 'forward 2', 'backward 0', 'backward 1', 'backward 2']);
    expect(walkthrough).toMatchObject({ forwardSteps: 2, backwardSteps: 2, backwardUnavailable: null });
  });

  it('shows values appearing node by node: q = 3, then f = -12', () => {
    const [inputs, first, second] = walkthrough.frames;
    expect(inputs.values).toEqual({ x: '-2', y: '5', z: '-4' });
    expect(first.lines).toEqual(['q = x + y', '  = -2 + 5', '  = 3']);
    expect(second.lines).toEqual(['f = q * z', '  = 3 * -4', '  = -12']);
    expect(second.values).toEqual({ x: '-2', y: '5', z: '-4', q: '3', f: '-12' });
    expect(first.dot).toContain('?'); // f is still unknown after the first step
  });

  it("shows gradients appearing node by node, ending with the notes' ∂f/∂x = ∂f/∂y = -4, ∂f/∂z = 3", () => {
    const [seed, mul, add] = walkthrough.frames.slice(3);
    expect(seed.grads).toEqual({ f: '1' });
    expect(mul.grads).toEqual({ f: '1', q: '-4', z: '3' });
    expect(mul.lines).toContain('sends ∂f/∂q = -4');
    expect(mul.lines).toContain('sends ∂f/∂z = 3');
    expect(add.grads).toEqual({ f: '1', q: '-4', z: '3', x: '-4', y: '-4' });
    expect(add.lines.at(-1)).toBe('done: ∂f/∂x = -4, ∂f/∂y = -4, ∂f/∂z = 3');
  });
});

describe('every preset', () => {
  it.each(PRESETS.map((preset) => [preset.id, preset] as const))('%s ends with the gradients a real .backward() computes', (_, preset) => {
    const { frames } = walkthroughOf(preset.expression, preset.values);
    const last = frames.at(-1)!;
    expect(last.phase).toBe('backward');
    // A fresh graph of the same text, differentiated by the tape itself rather than step by step.
    const result = compile(preset.expression, preset.values);
    if (!result.ok) throw new Error(result.pointer);
    result.output.backward();
    const expected = Object.fromEntries(result.leaves.map((leaf) => [leaf.label, formatValues(leaf.grad!)]));
    expect(Object.keys(expected).length).toBeGreaterThan(2);
    for (const [name, grad] of Object.entries(expected)) expect(last.grads[name], name).toBe(grad);
  });

  it("gives the 2-layer net the hand-computed gradients (d used twice: 2·d = -1.458)", () => {
    const preset = PRESETS.find((p) => p.id === 'two-layer')!;
    const { frames } = walkthroughOf(preset.expression, preset.values);
    expect(frames.at(-1)!.grads).toMatchObject({ d: '[[-1.458]]', W2: '[[0.2877], [0.7829]]', h: '[[-1.458, 0.7289]]', x: '[[-0.856, -1.017]]', b1: '[-1.401, 0.5186]' });
    const mul = frames.find((frame) => frame.phase === 'backward' && frame.title.endsWith(': mul'))!;
    expect(mul.lines).toContain('sends ∂loss/∂d += [[-0.7289]]: d is used more than once, so its gradients add: [[-0.7289]] + [[-0.7289]] = [[-1.458]]');
  });
});

describe('the panel text', () => {
  it('brackets a compound name in ∂ notation and drops a call\'s double brackets', () => {
    const { frames } = walkthroughOf('loss = sum(x * y)', 'x=[1, 2], y=[3, 4]');
    expect(frames[2].lines[0]).toBe('loss = sum(x * y)');
    const sum = frames.find((frame) => frame.title === 'backward step 1 of 2: sum')!;
    expect(sum.lines).toContain('sends ∂loss/∂(x * y) = [1, 1]');
  });

  it('writes a node labelled with its own formula once, not as x * x = x * x', () => {
    const { frames } = walkthroughOf('x * x', 'x=3');
    expect(frames[1].lines).toEqual(['x * x = 3 * 3', '      = 9']);
  });

  it('explains nan and inf where they first appear, as the drawing writes them', () => {
    const log = walkthroughOf('log(x)', 'x=-1').frames[1];
    expect(log.values['log(x)']).toBe('nan');
    expect(log.lines.at(-1)).toMatch(/^nan means "not a number"/);
    const sqrt = walkthroughOf('sqrt(x)', 'x=0').frames.at(-1)!;
    expect(sqrt.grads.x).toBe('inf');
    expect(sqrt.lines).toContain('inf in a gradient: the local derivative is infinite here (1/x at 0, the slope of √x at 0)');
  });

  it('says where the numbers went when the drawing collapses to one box per op', () => {
    expect(walkthroughOf('sum(x @ W)', 'x=[[1, 2, 3, 4, 5, 6, 7]], W=[[1], [2], [3], [4], [5], [6], [7]]').frames[0].lines).toContain(
      'the graph is large, so the drawing shows one box per op with its shape; the numbers are in this panel',
    );
    expect(walkthroughOf('x * y', 'x=1, y=2').frames[0].lines).toHaveLength(2);
  });
});

describe('the walk-through', () => {
  it('spells out the sum where a value is used twice', () => {
    const { frames } = walkthroughOf('d = x - 1; f = d * d', 'x=3');
    const mul = frames.find((frame) => frame.title.endsWith(': mul') && frame.phase === 'backward')!;
    expect(mul.lines).toContain('sends ∂f/∂d = 2');
    expect(mul.lines).toContain('sends ∂f/∂d += 2: d is used more than once, so its gradients add: 2 + 2 = 4');
  });

  it('keeps two nodes typed alike apart in the values, the gradients and the panel', () => {
    const { frames } = walkthroughOf('f = a*b + a*b', 'a=2, b=3');
    expect(frames[1].lines).toEqual(['a * b = 2 * 3', '      = 6']);
    expect(frames[2].lines).toEqual(['a*b #2 = a * b', '       = 2 * 3', '       = 6']);
    expect(frames[3].lines[0]).toBe('f = (a*b) + (a*b #2)');
    expect(frames[3].values).toEqual({ a: '2', b: '3', 'a*b': '6', 'a*b #2': '6', f: '12' });
    const add = frames.find((frame) => frame.title === 'backward step 1 of 3: add')!;
    expect(add.lines).toEqual(expect.arrayContaining(['sends ∂f/∂(a*b) = 1', 'sends ∂f/∂(a*b #2) = 1']));
    expect(frames.at(-1)!.grads).toEqual({ f: '1', 'a*b': '1', 'a*b #2': '1', a: '6', b: '4' });
  });

  it('routes max(a, b) to the larger input, half to each on a tie', () => {
    expect(walkthroughOf('max(a, b)', 'a=3, b=5').frames.at(-1)!.grads).toMatchObject({ a: '0', b: '1' });
    expect(walkthroughOf('max(a, b)', 'a=5, b=5').frames.at(-1)!.grads).toMatchObject({ a: '0.5', b: '0.5' });
  });

  it('explains why there is no backward pass from a non-scalar output', () => {
    const walkthrough = walkthroughOf('x * 2', 'x=[1, 2]');
    expect(walkthrough.backwardSteps).toBe(0);
    expect(walkthrough.backwardUnavailable).toBe('x * 2 has shape [2]; backward starts from one number: wrap it in sum(…) or mean(…)');
  });

  it('lets the stepper go backward only after the forward pass is complete', () => {
    const stepper = new Stepper(walkthroughOf('q = x + y; f = q * z', 'x=-2, y=5, z=-4'));
    expect([stepper.canStepForward, stepper.canStepBackward, stepper.canUndo]).toEqual([true, false, false]);
    stepper.stepBackward(); // refused: the forward pass has not run
    expect(stepper.index).toBe(0);
    stepper.finishForward();
    expect([stepper.frame.phase, stepper.frame.step, stepper.canStepForward, stepper.canStepBackward]).toEqual(['forward', 2, false, true]);
    stepper.stepBackward();
    stepper.stepBackward();
    stepper.stepBackward();
    expect([stepper.frame.phase, stepper.frame.step, stepper.canStepBackward]).toEqual(['backward', 2, false]);
    stepper.undo();
    expect(stepper.frame.step).toBe(1);
    stepper.reset();
    expect(stepper.frame.phase).toBe('inputs');
  });
});
