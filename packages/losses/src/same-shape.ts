/**
 * The check every elementwise loss runs first: prediction and target must have the same shape.
 * Losses never broadcast, because the usual mismatch is a bug that broadcasting hides —
 * a `[N,1]` column of predictions against `[N]` targets would broadcast to `[N,N]` and compare
 * every prediction with every target, giving a plausible-looking but wrong loss.
 * @module
 */
import { broadcastShapes, formatShape, sameShape, sizeOf, Tensor } from '@tapegrad/tensor';
import { describeTensor } from './describe-tensor.js';

/** Throws unless `x` is a Tensor; `role` says which argument it is. */
export function checkTensor(op: string, role: string, x: unknown): Tensor {
  if (x instanceof Tensor) return x;
  const got = Array.isArray(x) ? 'a plain array' : x === null ? 'null' : typeof x;
  throw new Error(`${op}: ${role} must be a Tensor, got ${got}; wrap it with tensor(…)`);
}

/**
 * Throws unless `prediction` and `target` have exactly the same shape. When they hold the same
 * number of elements the message spells out the reshape that fixes it; when they would broadcast
 * it says what the broadcast would have computed.
 */
export function checkSameShape(op: string, prediction: Tensor, target: Tensor, roles: readonly [string, string] = ['prediction', 'target']): void {
  if (sameShape(prediction.shape, target.shape)) return;
  const [p, t] = roles;
  let message = `${op}: ${p} ${describeTensor(prediction)} and ${t} ${describeTensor(target)} have different shapes; losses do not broadcast`;
  const broadcast = broadcastOrNull(prediction.shape, target.shape);
  // Only worth saying when broadcasting would have grown the result, as [N,1] against [N] does.
  if (broadcast !== null && sizeOf(broadcast) > Math.max(prediction.size, target.size)) {
    message += ` (broadcasting would give ${formatShape(broadcast)}, comparing every entry of one with every entry of the other)`;
  }
  if (sizeOf(prediction.shape) === sizeOf(target.shape)) {
    message += `. Reshape one to match: ${t}.reshape(${formatShape(prediction.shape)}) or ${p}.reshape(${formatShape(target.shape)})`;
  } else {
    message += `. Pass a ${t} with the ${p}'s shape ${formatShape(prediction.shape)}`;
  }
  throw new Error(message);
}

/** numpy's broadcast of two shapes, or null when they do not broadcast; only used to explain an error. */
function broadcastOrNull(a: readonly number[], b: readonly number[]): number[] | null {
  try {
    return broadcastShapes('checkSameShape', a, b);
  } catch {
    return null;
  }
}
