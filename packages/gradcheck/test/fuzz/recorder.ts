/**
 * An independent record of which primitives ran: every registered primitive's `forward` is
 * wrapped (once, for this test file's registry) to log each call while a recording is open —
 * the op, its input tensors, its output storage, and whether the tape should have recorded it
 * by the rule in DESIGN.md (an input requires grad, grad mode is on, the output is float). The
 * tape check compares `tape(y)` with this log, so it does not grade the tape by the tape.
 */
import { isGradEnabled, listOps, type Op, type RawResult, type RawTensor, type Tensor, type TypedArray } from '@tapegrad/tensor';

/** One primitive forward call. */
export interface LoggedCall {
  readonly op: string;
  readonly inputs: readonly Tensor[];
  /** The storage the forward returned: the output tensor's buffer. */
  readonly buffer: TypedArray;
  /** Whether the tape should hold a node for it. */
  readonly recorded: boolean;
}

let log: LoggedCall[] | null = null;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  for (const entry of listOps()) {
    if (entry.kind !== 'primitive') continue;
    const op = entry as Op<unknown>;
    const forward = op.forward;
    op.forward = (inputs: readonly RawTensor[], attrs: unknown): RawResult => {
      const result = forward.call(op, inputs, attrs);
      if (log !== null) {
        const tensors = inputs as readonly Tensor[];
        const recorded = !(result.buffer instanceof Int32Array) && isGradEnabled() && tensors.some((x) => x.requiresGrad);
        log.push({ op: op.name, inputs: tensors.slice(), buffer: result.buffer, recorded });
      }
      return result;
    };
  }
}

/** Runs `fn` and returns what it returned or threw, with the primitive calls it made. */
export function recording<T>(fn: () => T): { outcome: { ok: true; value: T } | { ok: false; error: unknown }; calls: LoggedCall[] } {
  install();
  const outer = log;
  const calls: LoggedCall[] = [];
  log = calls;
  try {
    return { outcome: { ok: true, value: fn() }, calls };
  } catch (error) {
    return { outcome: { ok: false, error }, calls };
  } finally {
    log = outer;
  }
}
