/**
 * The expression language in Node: precedence, names, values, and errors that point at the
 * character a learner has to fix.
 */
import { tape } from '@tapegrad/tensor';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/expression/compile.js';
import { parseProgram } from '../src/expression/parse.js';
import { parseValues } from '../src/expression/values.js';
import { PRESETS } from '../src/presets.js';

/** The graph of a compiled program as `op(labels) -> label` lines, oldest first. */
function ops(expression: string, values: string): string[] {
  const result = compile(expression, values);
  if (!result.ok) throw new Error(result.pointer);
  return tape(result.output).nodes.map((node) => `${node.op.name}(${node.inputs!.map((x) => x.label).join(', ')}) -> ${node.output.label}`);
}

function pointer(expression: string, values: string): string {
  const result = compile(expression, values);
  if (result.ok) throw new Error(`expected an error for ${expression} with ${values}`);
  return `${result.box}\n${result.pointer}`;
}

describe('parsing', () => {
  it('binds * tighter than +, ^ tighter than unary minus, and ^ to the right', () => {
    expect(ops('x + y * z', 'x=1, y=2, z=3')).toEqual(['mul(y, z) -> y * z', 'add(x, y * z) -> x + y * z']);
    expect(ops('-x^2', 'x=3')).toEqual(['pow(x, 2) -> x^2', 'neg(x^2) -> -x^2']);
    expect(ops('x^y^z', 'x=2, y=1, z=3')).toEqual(['pow(y, z) -> y^z', 'pow(x, y^z) -> x^y^z']);
  });

  it('labels intermediates with the text typed, or with their definition name', () => {
    expect(ops('q = x + y; f = q * z', 'x=-2, y=5, z=-4')).toEqual(['add(x, y) -> q', 'mul(q, z) -> f']);
    expect(ops('(x + y) * z', 'x=-2, y=5, z=-4')).toEqual(['add(x, y) -> (x + y)', 'mul((x + y), z) -> (x + y) * z']);
    // Longer than 14 characters: numbered, so the drawing stays narrow.
    expect(ops('sigmoid(w0*x0 + w1*x1 + w2)', 'w0=1, x0=1, w1=1, x1=1, w2=1')).toEqual([
      'mul(w0, x0) -> w0*x0',
      'mul(w1, x1) -> w1*x1',
      'add(w0*x0, w1*x1) -> w0*x0 + w1*x1',
      'add(w0*x0 + w1*x1, w2) -> t1',
      'sigmoid(t1) -> t2',
    ]);
  });

  it('gives intermediates typed alike labels of their own, so the drawing and the panel tell them apart', () => {
    expect(ops('a*b + a*b', 'a=2, b=3')).toEqual(['mul(a, b) -> a*b', 'mul(a, b) -> a*b #2', 'add(a*b, a*b #2) -> a*b + a*b']);
    expect(ops('f = tanh(x) * tanh(x) * tanh(x)', 'x=1').slice(0, 5)).toEqual([
      'tanh(x) -> tanh(x)',
      'tanh(x) -> tanh(x) #2',
      'mul(tanh(x), tanh(x) #2) -> t1',
      'tanh(x) -> tanh(x) #3',
      'mul(t1, tanh(x) #3) -> f',
    ]);
    // Two constants typed alike hold the same value: they may share their label.
    expect(ops('2*x + 2*x', 'x=1')).toEqual(['mul(2, x) -> 2*x', 'mul(2, x) -> 2*x #2', 'add(2*x, 2*x #2) -> 2*x + 2*x']);
  });

  it('numbers long intermediates past the names the learner chose', () => {
    expect(ops('t2 = x + x + x + x + x + x; t2 * t1', 't1=1, x=1').slice(-3)).toEqual([
      'add(x + x + x + x, x) -> t3',
      'add(t3, x) -> t2',
      'mul(t2, t1) -> t2 * t1',
    ]);
  });

  it('maps max(a, b) to the elementwise maximum and max(a) to the reduction', () => {
    expect(ops('max(x, y)', 'x=1, y=2')).toEqual(['maximum(x, y) -> max(x, y)']);
    expect(ops('max(x)', 'x=[1, 2]')).toEqual(['max(x) -> max(x)']);
  });

  it('reuses one tensor for every use of a name, so a value used twice is one node with two consumers', () => {
    const result = compile('d = x - 1; d * d', 'x=3');
    if (!result.ok) throw new Error(result.pointer);
    const [sub, mul] = tape(result.output).nodes;
    expect(mul.inputs![0]).toBe(sub.output);
    expect(mul.inputs![1]).toBe(sub.output);
    expect(result.output.item()).toBe(4);
  });

  it('reads values as scalars and nested lists, with signs', () => {
    expect(parseValues('x=-2, W=[[1, -2], [3, 4.5]]; b=.5').map(({ name, value }) => [name, value])).toEqual([
      ['x', -2],
      ['W', [[1, -2], [3, 4.5]]],
      ['b', 0.5],
    ]);
  });

  it('compiles every preset, and the circuit to the notes numbers', () => {
    for (const preset of PRESETS) expect(compile(preset.expression, preset.values).ok).toBe(true);
    const circuit = compile(PRESETS[0].expression, PRESETS[0].values);
    expect(circuit.ok && circuit.output.item()).toBe(-12);
  });
});

describe('errors point at the character to fix', () => {
  it('a missing operand', () => {
    expect(pointer('(x + * y) * z', 'x=1, y=1, z=1')).toBe("expression\n(x + * y) * z\n     ^\nexpected a number, a name or '(', but found '*' (at character 6)");
  });

  it('an unclosed bracket, at the end of the text', () => {
    expect(pointer('(x + y', 'x=1, y=1')).toBe("expression\n(x + y\n      ^\nexpected ')' to close '(', but found the end (at character 7)");
  });

  it('a stray character', () => {
    expect(pointer('x $ 2', 'x=1')).toBe("expression\nx $ 2\n  ^\nunexpected character '$'; use numbers, names, + - * / ^ @, parentheses and commas (at character 3)");
  });

  it('a name without a value, and a function used as a name', () => {
    expect(pointer('x + w', 'x=1')).toBe('expression\nx + w\n    ^\nunknown name w: give it a value in the values box, e.g. w=1 (at character 5)');
    expect(pointer('tanh + 1', '')).toContain('tanh is a function: call it as tanh(…)');
  });

  it('an unknown function and a wrong number of arguments', () => {
    expect(pointer('foo(x)', 'x=1')).toContain('foo(x)\n^^^\nunknown function foo; the functions are sigmoid, tanh');
    expect(pointer('max(x, x, x)', 'x=1')).toContain('^^^^^^^^^^^^\nmax takes 1 or 2 argument(s), got 3');
  });

  it("an op's own error (mismatched matmul), pinned to the characters that asked for it", () => {
    const text = pointer('y + x @ W', 'x=[1, 2], W=[[1, 2, 3]], y=1');
    expect(text).toContain('y + x @ W\n    ^^^^^\nmatmul:');
  });

  it('in the values box: a ragged list, a missing comma, a name given twice', () => {
    expect(pointer('x', 'x=[[1, 2], [3]]')).toMatch(/^values\nx=\[\[1, 2\], \[3\]\]\n\^\nthe value of x is not a tensor: tensor: .*ragged/);
    expect(pointer('x', 'x=1 y=2')).toBe("values\nx=1 y=2\n    ^\nexpected ',' between two values, but found 'y' (at character 5)");
    expect(pointer('x', 'x=1, x=2')).toContain('x is given a value twice');
  });

  it('a name both given a value and defined', () => {
    expect(pointer('x = 2 * y; x', 'x=1, y=1')).toContain('x has a value in the values box and is defined here; rename one');
  });

  it('an empty expression', () => {
    expect(() => parseProgram('   ')).toThrow('the expression is empty');
  });
});
