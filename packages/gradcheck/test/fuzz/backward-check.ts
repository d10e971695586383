/**
 * After the tape check: `y.backward()` must fill every leaf's `.grad` with what `vjp` — the
 * analytic side of gradcheck — computes for the same program, and must free the graph, after
 * which `tape(y)` and a second `backward` throw their documented errors.
 */
import { scalar, tape, type Tensor, tensor, vjp } from '@tapegrad/tensor';
import { undocumentedReason } from './documented-error.js';
import { evaluate } from './evaluate.js';
import type { Program } from './program.js';

export function backwardProblems(program: Program, y: Tensor, leaves: readonly Tensor[]): string[] {
  const problems: string[] = [];
  try {
    y.backward();
  } catch (error) {
    return [`y.backward() threw: ${error instanceof Error ? error.message : String(error)}`];
  }
  const copies = leaves.map((x) => tensor(Float64Array.from(x.buffer), { shape: x.shape.slice() }));
  const { grads } = vjp((...xs: Tensor[]) => evaluate(program, xs), copies, scalar(1));
  leaves.forEach((leaf, i) => {
    const filled = leaf.grad;
    if (filled === null) {
      problems.push(`backward left ${leaf.label}.grad null, although y reads ${leaf.label}`);
      return;
    }
    const expected = grads[i].buffer;
    const differs = expected.findIndex((v, j) => !(Math.abs(v - filled.buffer[j]) <= 1e-12 * (1 + Math.abs(v))));
    if (differs >= 0) problems.push(`${leaf.label}.grad[${differs}] is ${filled.buffer[differs]} after backward, but vjp gives ${expected[differs]}`);
  });
  const freed = [
    { op: 'tape', call: () => tape(y) },
    { op: 'backward', call: () => y.backward() },
  ];
  for (const { op, call } of freed) {
    try {
      call();
      problems.push(`${op} after backward should throw (the graph was freed), but did not`);
    } catch (error) {
      const reason = undocumentedReason(error, { op, mentions: ['already freed', 'retainGraph'] });
      if (reason !== null) problems.push(`${op} after backward ${reason}`);
    }
  }
  return problems;
}
