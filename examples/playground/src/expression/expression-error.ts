/**
 * A mistake in what the learner typed, located in the text: the page shows it under the input
 * with a caret instead of throwing.
 */

/** An error at characters `start`..`end` of the typed text (a parse error, an unknown name, a shape mismatch). */
export class ExpressionError extends Error {
  constructor(
    message: string,
    /** Index of the first offending character. */
    readonly start: number,
    /** Index just past the offending characters (at least `start + 1` for the caret). */
    readonly end: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }

  /** The source line, a caret line under the offending characters, and the message. */
  pointAt(source: string): string {
    const width = Math.max(1, this.end - this.start);
    return `${source}\n${' '.repeat(this.start)}${'^'.repeat(width)}\n${this.message} (at character ${this.start + 1})`;
  }
}
