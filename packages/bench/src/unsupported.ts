/**
 * Thrown by a library when it cannot run a case at all. The kind is what the table prints:
 * "no float64" (the library has no float64 arrays), "no float32" (it computes in float64 only, so
 * its float64 row stands for both), "not available" (it has no such op), or
 * "not measurable" (it has the op but cannot finish the case: a stack overflow, a cost that grows
 * quadratically with the graph). The message says why, so no case is ever skipped silently.
 */
export type UnsupportedKind = 'no float64' | 'no float32' | 'not available' | 'not measurable';

export class Unsupported extends Error {
  constructor(
    readonly kind: UnsupportedKind,
    reason = '',
  ) {
    super(reason ? `${kind}: ${reason}` : kind);
    this.name = 'Unsupported';
  }
}

/** Whether an error is V8's "Maximum call stack size exceeded". */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
