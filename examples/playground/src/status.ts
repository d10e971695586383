/**
 * `window.__playground`: a small, stable summary of what the page shows, for the browser test
 * (and for a learner poking at the console). The page writes it; nothing reads it back.
 */
import type { Phase } from './walkthrough/frames.js';

/** What the walk-through shows. */
export interface WalkthroughStatus {
  /** The preset last loaded, or null after the learner typed their own expression. */
  preset: string | null;
  /** The typed text's error (with its caret picture), or null. */
  error: string | null;
  phase: Phase;
  /** Index of the current frame among all frames. */
  frame: number;
  /** Index of the frame whose drawing is on screen (rendering is asynchronous); -1 before the first. */
  drawnFrame: number;
  /** Step within the phase (the backward seed is 0). */
  step: number;
  forwardSteps: number;
  backwardSteps: number;
  /** Values known at the current frame, by tensor name (in the drawing, or only in the panel when the drawing is collapsed). */
  values: Record<string, string>;
  /** Gradients known at the current frame, by tensor name. */
  grads: Record<string, string>;
}

/** What the spiral trainer shows. */
export interface SpiralStatus {
  running: boolean;
  epoch: number;
  /** Training loss of the latest epoch, or null before the first. */
  loss: number | null;
  /** Training accuracy at the latest drawing, or null before the first. */
  accuracy: number | null;
  /** Training time so far, in milliseconds (time spent drawing excluded). */
  trainingMs: number;
  /** Drawing time so far (decision regions, accuracy, chart), in milliseconds. */
  drawingMs: number;
}

/** The whole status object. */
export interface PlaygroundStatus {
  /** True once the page is built and the first drawing is on screen. */
  ready: boolean;
  walkthrough: WalkthroughStatus;
  spiral: SpiralStatus;
}

declare global {
  interface Window {
    __playground: PlaygroundStatus;
  }
}

/** Creates the status object on `window` and returns it for the sections to update. */
export function installStatus(): PlaygroundStatus {
  window.__playground = {
    ready: false,
    walkthrough: {
      preset: null, error: null, phase: 'inputs', frame: 0, drawnFrame: -1, step: 0,
      forwardSteps: 0, backwardSteps: 0, values: {}, grads: {},
    },
    spiral: { running: false, epoch: 0, loss: null, accuracy: null, trainingMs: 0, drawingMs: 0 },
  };
  return window.__playground;
}
