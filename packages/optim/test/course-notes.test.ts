/**
 * The course notes' update loops, transcribed line by line in plain numbers, against the
 * classes with the same hyperparameters. Both sides see the same gradients (Rosenbrock's,
 * written out analytically), so any difference is the update rule's.
 */
import { describe, expect, it } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { AdaGrad, Adam, RMSProp, SGD } from '../src/index.js';

type Vec = number[];
/** ∇ of (1 − x)² + 100·(y − x²)². */
function gradient([x, y]: Vec): Vec {
  return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)];
}
const START = [-1.2, 1];
const STEPS = 100;

/** Runs an optimizer class from START, feeding it `gradient` at its current point. */
function classTrajectory(make: (p: ReturnType<typeof tensor>) => { step(): void }): Vec[] {
  const p = tensor(START, { requiresGrad: true });
  const opt = make(p);
  const out: Vec[] = [];
  for (let t = 0; t < STEPS; t++) {
    p.grad = tensor(gradient([...p.data()]));
    opt.step();
    out.push([...p.data()]);
  }
  // A diverging run would compare NaN with NaN; make sure the comparison is about real steps.
  expect(out.flat().every(Number.isFinite)).toBe(true);
  expect(Math.hypot(out[STEPS - 1][0] - START[0], out[STEPS - 1][1] - START[1])).toBeGreaterThan(0.01);
  return out;
}

/** Runs a loop body `update(x, dx)` that changes x in place, as the notes' `while True`. */
function notesTrajectory(update: (x: Vec, dx: Vec) => void): Vec[] {
  const x = [...START];
  const out: Vec[] = [];
  for (let t = 0; t < STEPS; t++) {
    update(x, gradient(x));
    out.push([...x]);
  }
  return out;
}

function expectSameTrajectory(actual: Vec[], expected: Vec[], relative = 1e-10): void {
  actual.forEach((point, t) =>
    point.forEach((value, i) => expect(Math.abs(value - expected[t][i]), `step ${t + 1}, coordinate ${i}`).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected[t][i])))),
  );
}

const learningRate = 1e-3;
const rho = 0.9;

describe('the course notes’ loops', () => {
  it('v = ρv + dx; x −= α·v is exactly SGD({ momentum: ρ })', () => {
    const v = [0, 0];
    const notes = notesTrajectory((x, dx) => {
      for (let i = 0; i < 2; i++) {
        v[i] = rho * v[i] + dx[i];
        x[i] -= learningRate * v[i];
      }
    });
    expect(classTrajectory((p) => new SGD([p], { lr: learningRate, momentum: rho }))).toEqual(notes);
  });

  it('v = ρv − α·dx; x += v gives the same trajectory at a constant lr (to rounding)', () => {
    const v = [0, 0];
    const notes = notesTrajectory((x, dx) => {
      for (let i = 0; i < 2; i++) {
        v[i] = rho * v[i] - learningRate * dx[i];
        x[i] += v[i];
      }
    });
    expectSameTrajectory(classTrajectory((p) => new SGD([p], { lr: learningRate, momentum: rho })), notes);
  });

  it('Nesterov’s change of variables x̃ += −ρ·v + (1 + ρ)·v_new is SGD({ momentum: ρ, nesterov: true })', () => {
    const v = [0, 0];
    const notes = notesTrajectory((x, dx) => {
      for (let i = 0; i < 2; i++) {
        const previous = v[i];
        v[i] = rho * v[i] - learningRate * dx[i];
        x[i] += -rho * previous + (1 + rho) * v[i];
      }
    });
    expectSameTrajectory(classTrajectory((p) => new SGD([p], { lr: learningRate, momentum: rho, nesterov: true })), notes);
  });

  it('the AdaGrad loop (eps after the square root) is AdaGrad({ eps: 1e-7 })', () => {
    const lr = 0.1;
    const gradSquared = [0, 0];
    const notes = notesTrajectory((x, dx) => {
      for (let i = 0; i < 2; i++) {
        gradSquared[i] += dx[i] * dx[i];
        x[i] -= (lr * dx[i]) / (Math.sqrt(gradSquared[i]) + 1e-7);
      }
    });
    expectSameTrajectory(classTrajectory((p) => new AdaGrad([p], { lr, eps: 1e-7 })), notes);
  });

  it('the RMSProp loop is RMSProp({ alpha: decay_rate, eps: 1e-7 })', () => {
    const lr = 1e-3;
    const decayRate = 0.9;
    const gradSquared = [0, 0];
    const notes = notesTrajectory((x, dx) => {
      for (let i = 0; i < 2; i++) {
        gradSquared[i] = decayRate * gradSquared[i] + (1 - decayRate) * dx[i] * dx[i];
        x[i] -= (lr * dx[i]) / (Math.sqrt(gradSquared[i]) + 1e-7);
      }
    });
    expectSameTrajectory(classTrajectory((p) => new RMSProp([p], { lr, alpha: decayRate, eps: 1e-7 })), notes);
  });

  it('the full Adam loop (t counted from 1, bias-corrected, eps after the root) is Adam({ eps: 1e-7 })', () => {
    const lr = 1e-2;
    const [beta1, beta2] = [0.9, 0.999];
    const firstMoment = [0, 0];
    const secondMoment = [0, 0];
    let t = 0;
    const notes = notesTrajectory((x, dx) => {
      t += 1;
      for (let i = 0; i < 2; i++) {
        firstMoment[i] = beta1 * firstMoment[i] + (1 - beta1) * dx[i];
        secondMoment[i] = beta2 * secondMoment[i] + (1 - beta2) * dx[i] * dx[i];
        const firstUnbias = firstMoment[i] / (1 - beta1 ** t);
        const secondUnbias = secondMoment[i] / (1 - beta2 ** t);
        x[i] -= (lr * firstUnbias) / (Math.sqrt(secondUnbias) + 1e-7);
      }
    });
    expectSameTrajectory(classTrajectory((p) => new Adam([p], { lr, betas: [beta1, beta2], eps: 1e-7 })), notes);
  });
});
