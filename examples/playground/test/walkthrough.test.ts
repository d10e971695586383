/**
 * The walk-through's frames in Node: the order of steps, the panel's numbers for the course's
 * circuit, and the moves the stepper allows.
 */
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

describe('the walk-through', () => {
  it('spells out the sum where a value is used twice', () => {
    const { frames } = walkthroughOf('d = x - 1; f = d * d', 'x=3');
    const mul = frames.find((frame) => frame.title.endsWith(': mul') && frame.phase === 'backward')!;
    expect(mul.lines).toContain('sends ∂f/∂d = 2');
    expect(mul.lines).toContain('sends ∂f/∂d += 2: d is used more than once, so its gradients add: 2 + 2 = 4');
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
