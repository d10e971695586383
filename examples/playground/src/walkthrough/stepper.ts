/**
 * Where the learner is in the walk-through: an index into its frames, moved by the four buttons.
 * Backward steps open only once the forward pass is complete, as in a real training step.
 */
import type { Frame, Walkthrough } from './frames.js';

/** The position in a walk-through and the moves allowed from it. */
export class Stepper {
  #at = 0;

  constructor(readonly walkthrough: Walkthrough) {}

  /** The frame on screen. */
  get frame(): Frame {
    return this.walkthrough.frames[this.#at];
  }

  /** Index of the frame on screen. */
  get index(): number {
    return this.#at;
  }

  #next(): Frame | undefined {
    return this.walkthrough.frames[this.#at + 1];
  }

  /** True while forward steps remain. */
  get canStepForward(): boolean {
    return this.#next()?.phase === 'forward';
  }

  /** True once every forward step is done and backward steps remain. */
  get canStepBackward(): boolean {
    return this.#next()?.phase === 'backward';
  }

  /** True when there is a frame to go back to. */
  get canUndo(): boolean {
    return this.#at > 0;
  }

  stepForward(): void {
    if (this.canStepForward) this.#at++;
  }

  stepBackward(): void {
    if (this.canStepBackward) this.#at++;
  }

  /** Back to the previous frame, forward or backward. */
  undo(): void {
    if (this.canUndo) this.#at--;
  }

  /** Runs the rest of the forward pass (the button "forward to the end"). */
  finishForward(): void {
    while (this.canStepForward) this.#at++;
  }

  /** Back to the inputs. */
  reset(): void {
    this.#at = 0;
  }
}
